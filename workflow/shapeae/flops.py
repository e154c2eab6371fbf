"""FLOPs of a forward pass, counted from the layers (convolutions, transposed convolutions, dense).

A multiply-add is 2 FLOPs. A training step costs about 3x the forward pass (forward, gradient with
respect to the inputs, gradient with respect to the weights); the first layer needs no input
gradient, which we ignore (an upper bound on the work, so a lower bound on the share of the floor).
"""
import time

import torch
from torch import nn


def forward_flops(model, input_shape):
    """FLOPs of one forward pass of a single input of `input_shape` (C, H, W) through `model`."""
    total = 0

    def count(module, inputs, output):
        nonlocal total
        if isinstance(module, nn.Conv2d):
            k = module.kernel_size[0] * module.kernel_size[1] * module.in_channels // module.groups
            total += 2 * output.numel() * k
        elif isinstance(module, nn.ConvTranspose2d):
            k = module.kernel_size[0] * module.kernel_size[1] * module.out_channels
            total += 2 * inputs[0].numel() * k
        elif isinstance(module, nn.Linear):
            total += 2 * module.in_features * module.out_features * output.shape[0]

    layers = (nn.Conv2d, nn.ConvTranspose2d, nn.Linear)
    hooks = [m.register_forward_hook(count) for m in model.modules() if isinstance(m, layers)]
    try:
        with torch.no_grad():
            was_training = model.training
            model.eval()
            model(torch.zeros(1, *input_shape))
            model.train(was_training)
    finally:
        for hook in hooks:
            hook.remove()
    return total


def training_step_flops(model, input_shape):
    """FLOPs of one training step per image: 3x the forward pass."""
    return 3 * forward_flops(model, input_shape)


def matmul_rate(device, n=2048, repeats=10):
    """Measured fp32 FLOP/s of an n x n matrix product: the machine's floor for dense work."""
    a, b = torch.rand(n, n, device=device), torch.rand(n, n, device=device)
    for _ in range(2):
        a @ b
    sync(device)
    start = time.perf_counter()
    for _ in range(repeats):
        a @ b
    sync(device)
    return 2 * n**3 * repeats / (time.perf_counter() - start)


def sync(device):
    if torch.device(device).type == "cuda":
        torch.cuda.synchronize()
