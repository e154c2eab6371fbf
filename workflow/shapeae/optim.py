"""Adam and the cosine learning-rate schedule, without torch.optim.

torch.optim wraps every optimiser method so that torch.compile leaves it alone, and that wrapper
imports torch._dynamo on first use: about 2 s of every training or probing job's start-up on this
2-core machine (a third of a scorecard job's start-up) for a compiler nothing here uses. These
classes perform torch.optim's updates op for op — its fused Adam kernel or its single-tensor loop,
and CosineAnnealingLR's recursion — so every result is bit-identical to torch.optim's
(tests/test_optim.py checks it, and that a training job never imports torch._dynamo).
"""
import math

import torch


class Adam:
    """torch.optim.Adam(params, lr, betas, eps, fused=fused) without weight decay or amsgrad.

    As torch.optim: a parameter's state starts at its first gradient, parameters without a gradient
    are skipped, the step counter is float32 (on the parameter's device when fused), and `lr` may be
    changed between steps (CosineAnnealing does)."""

    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, fused=False):
        self.params = list(params)
        self.lr, (self.beta1, self.beta2), self.eps, self.fused = lr, betas, eps, fused
        self.state = {}  # parameter index -> (step, exp_avg, exp_avg_sq)

    def zero_grad(self, set_to_none=True):
        for p in self.params:
            p.grad = None

    def _state(self, i):
        if i not in self.state:
            p = self.params[i]
            step = torch.zeros((), dtype=torch.float32, device=p.device) if self.fused else 0.0
            self.state[i] = [step, torch.zeros_like(p, memory_format=torch.preserve_format),
                             torch.zeros_like(p, memory_format=torch.preserve_format)]
        return self.state[i]

    @torch.no_grad()
    def step(self):
        live = [i for i, p in enumerate(self.params) if p.grad is not None]
        if self.fused:
            self._fused_step(live)
        else:
            for i in live:
                self._single_tensor_step(i)

    def _fused_step(self, live):
        """torch.optim.adam._fused_adam: one kernel call for every parameter (one device and dtype)."""
        if not live:
            return
        states = [self._state(i) for i in live]
        steps, exp_avgs, exp_avg_sqs = (list(column) for column in zip(*states))
        torch._foreach_add_(steps, 1)
        torch._fused_adam_([self.params[i] for i in live], [self.params[i].grad for i in live], exp_avgs,
                           exp_avg_sqs, [], steps, amsgrad=False, lr=self.lr, beta1=self.beta1,
                           beta2=self.beta2, weight_decay=0.0, eps=self.eps, maximize=False)

    def _single_tensor_step(self, i):
        """torch.optim.adam._single_tensor_adam (the CPU default), same ops in the same order."""
        state = self._state(i)
        state[0] += 1.0  # float32 in torch: exact up to 2**24 steps, as this float is
        step, exp_avg, exp_avg_sq = state
        param, grad = self.params[i], self.params[i].grad
        exp_avg.lerp_(grad, 1 - self.beta1)
        exp_avg_sq.mul_(self.beta2).addcmul_(grad, grad, value=1 - self.beta2)
        bias_correction1 = 1 - self.beta1**step
        bias_correction2 = 1 - self.beta2**step
        step_size = self.lr / bias_correction1
        denom = (exp_avg_sq.sqrt() / bias_correction2**0.5).add_(self.eps)
        param.addcdiv_(exp_avg, denom, value=-step_size)


class CosineAnnealing:
    """torch.optim.lr_scheduler.CosineAnnealingLR(optimiser, T_max=total_steps) with eta_min 0:
    `step()` after every optimiser step anneals optimiser.lr from its initial value to 0, by
    torch's recursion (not the closed form) so that the rates match it bit for bit."""

    def __init__(self, optimiser, total_steps):
        self.optimiser, self.total, self.base_lr, self.last = optimiser, total_steps, optimiser.lr, 0

    def step(self):
        self.last += 1
        t, lr, total = self.last, self.optimiser.lr, self.total
        if (t - 1 - total) % (2 * total) == 0:  # past the end, where the recursion would divide by 0
            self.optimiser.lr = lr + self.base_lr * (1 - math.cos(math.pi / total)) / 2
        else:
            self.optimiser.lr = (1 + math.cos(math.pi * t / total)) / (1 + math.cos(math.pi * (t - 1) / total)) * lr


class Constant:
    """The constant learning rate (torch's LambdaLR with factor 1 multiplies it by exactly 1.0)."""

    def __init__(self, optimiser, total_steps=None):
        self.optimiser = optimiser

    def step(self):
        pass
