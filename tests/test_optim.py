"""shapeae.optim performs torch.optim's updates bit for bit, and jobs that train never import
torch._dynamo (the reason it exists)."""
import subprocess
import sys

import pytest
import torch
from torch import nn

from shapeae import optim


def _network(seed):
    torch.manual_seed(seed)
    network = nn.Sequential(nn.Conv2d(3, 4, 3), nn.LeakyReLU(), nn.Flatten(), nn.Linear(4 * 6 * 6, 5),
                            nn.LeakyReLU(), nn.Linear(5, 2))
    network[-1].bias.requires_grad_(False)  # a parameter that never gets a gradient is skipped
    return network


def _train(network, optimiser, schedule, steps=40):
    x, y = torch.randn(16, 3, 8, 8, generator=torch.Generator().manual_seed(1)), torch.randn(16, 2)
    for step in range(steps):
        optimiser.zero_grad(set_to_none=True)
        loss = torch.mean((network(x[step % 4 * 4:][:4]) - y[:4]) ** 2)
        loss.backward()
        optimiser.step()
        if schedule is not None:
            schedule.step()
    return [p.detach().clone() for p in network.parameters()]


@pytest.mark.parametrize("fused", [False, True])
@pytest.mark.parametrize("cosine", [False, True])
def test_adam_and_its_schedule_equal_torch_optim_bit_for_bit(fused, cosine):
    theirs = _network(0)
    reference = torch.optim.Adam(theirs.parameters(), lr=3e-3, fused=fused)
    expected = _train(theirs, reference, torch.optim.lr_scheduler.CosineAnnealingLR(reference, 40) if cosine else None)
    ours = _network(0)
    optimiser = optim.Adam(ours.parameters(), lr=3e-3, fused=fused)
    got = _train(ours, optimiser, optim.CosineAnnealing(optimiser, 40) if cosine else optim.Constant(optimiser))
    assert any(not torch.equal(a, b) for a, b in zip(got, _network(0).parameters()))  # it did train
    for a, b in zip(got, expected):
        assert torch.equal(a, b)


def test_cosine_annealing_rates_equal_torch_including_past_the_end():
    reference = torch.optim.Adam([nn.Parameter(torch.zeros(1))], lr=0.01)
    theirs = torch.optim.lr_scheduler.CosineAnnealingLR(reference, T_max=7)
    optimiser = optim.Adam([nn.Parameter(torch.zeros(1))], lr=0.01)
    ours = optim.CosineAnnealing(optimiser, 7)
    rates = []
    for _ in range(16):  # two periods: the recursion's special case at T_max + 1
        reference.step()
        theirs.step()
        ours.step()
        rates.append((optimiser.lr, theirs.get_last_lr()[0]))
    assert rates[6][0] == 0.0
    assert all(a == b for a, b in rates)


def test_training_and_probing_never_import_torch_dynamo():
    script = """
import sys
import numpy as np
from shapeae import probes, training
from shapeae.models.newson import DiskAE
images = np.random.default_rng(0).random((8, 1, 64, 64), dtype=np.float32)
training.fit(DiskAE(), images, images, epochs=1, batch_size=4, lr=1e-3, seed=0,
             device="cpu", schedule="cosine")
x = np.random.default_rng(1).normal(size=(40, 3))
probes.MLPProbe((8,), max_epochs=2).fit(x, x[:, 0], x, x[:, 0])
print("torch._dynamo" in sys.modules)
"""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
