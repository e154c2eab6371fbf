import pytest
import torch

from shapeae import models
from shapeae.models.newson import DiskAE, flops_per_image

SPEC = {"architecture": "disk_ae", "depths": [1, 8, 4, 4, 3, 2, 1], "bias": True, "leaky_slope": 0.2}


def test_disk_code_is_one_number_and_output_matches_input():
    model = models.build(SPEC)
    x = torch.rand(5, 1, 64, 64)
    assert model.encode(x).shape == (5, 1)
    assert model(x).shape == x.shape


def test_encoder_and_decoder_mirror_table_1():
    model = DiskAE()
    convs = [m for m in model.encoder if isinstance(m, torch.nn.Conv2d)]
    deconvs = [m for m in model.decoder if isinstance(m, torch.nn.ConvTranspose2d)]
    assert [c.out_channels for c in convs] == [8, 4, 4, 3, 2, 1]
    assert [d.out_channels for d in deconvs] == [2, 3, 4, 4, 8, 1]
    assert all(c.kernel_size == (3, 3) and c.stride == (2, 2) for c in convs + deconvs)
    assert sum(isinstance(m, torch.nn.LeakyReLU) and m.negative_slope == 0.2 for m in model.modules()) == 10


def test_wrong_depth_count_is_refused():
    with pytest.raises(ValueError, match="log2"):
        DiskAE(image_size=64, depths=(1, 8, 4, 1))


def test_bias_free_decoder_is_positively_homogeneous():
    # Newson proposition 1: D(lambda z) = lambda D(z) for lambda > 0
    torch.manual_seed(0)
    model = models.build({**SPEC, "bias": False})
    assert not any("bias" in name for name, _ in model.named_parameters())
    z = torch.randn(4, 1)
    torch.testing.assert_close(model.decode(3.5 * z), 3.5 * model.decode(z), rtol=1e-5, atol=1e-6)


def test_flops_count_by_hand():
    # encoder: 32^2*1*8 + 16^2*8*4 + 8^2*4*4 + 4^2*4*3 + 2^2*3*2 + 1*2*1 multiply-adds of 9 taps;
    # the decoder scatters the same products in reverse
    macs = 9 * (1024 * 8 + 256 * 32 + 64 * 16 + 16 * 12 + 4 * 6 + 2)
    assert flops_per_image(DiskAE(), 64) == 2 * 2 * macs


def test_unknown_architecture_is_named():
    with pytest.raises(ValueError, match="'nope'"):
        models.build({"architecture": "nope"})
