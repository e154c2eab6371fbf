import pytest
import torch

from shapeae import flops, models
from shapeae.models import sketchanet


def count(module):
    return sum(p.numel() for p in module.parameters())


@pytest.mark.parametrize("size, kernel, stride, width", [(224, 15, 3, 1.0), (112, 15, 3, 1.0), (56, 8, 2, 0.5)])
def test_autoencoder_maps_images_to_images_through_the_bottleneck(size, kernel, stride, width):
    model = models.build({"architecture": "sketch_ae", "image_size": size, "bottleneck": 256, "width": width,
                          "first_kernel": kernel, "first_stride": stride})
    x = torch.rand(2, 1, size, size)
    z = model.encode(x)
    assert z.shape == (2, 256) and model.mapping(z).shape == (2, 4)
    out = model(x)
    assert out.shape == x.shape and 0 <= out.min() and out.max() <= 1


def test_paper_encoder_matches_sketch_a_net_shapes():
    # 224 -> conv 15/3: 70 -> pool: 34 -> conv 5: 30 -> pool: 14 -> 3 convs: 14 -> pool (same): 7
    assert sketchanet.encoder_grid(224, 15, 3) == 7
    model = sketchanet.SketchAE(224)
    convs = [m for m in model.encoder if isinstance(m, torch.nn.Conv2d)]
    assert [c.out_channels for c in convs] == [64, 128, 256, 256, 256]
    assert [c.kernel_size[0] for c in convs] == [15, 5, 3, 3, 3]


def test_paper_decoder_has_his_one_and_a_half_million_parameters():
    model = sketchanet.SketchAE(224, bottleneck=512)
    assert count(model.decoder) == pytest.approx(1.5e6, rel=0.05)
    ups = [m for m in model.decoder if isinstance(m, torch.nn.ConvTranspose2d)]
    assert [u.out_channels for u in ups] == [128, 64, 32, 16, 8, 1]  # 3 -> 7 -> 14 -> ... -> 224
    dense = [m for m in model.decoder if isinstance(m, torch.nn.Linear)]
    assert [d.out_features for d in dense] == [512, 1152]


def test_classifier_has_a_softmax_head_and_no_decoder():
    model = sketchanet.SketchAE(56, bottleneck=64, width=0.25, first_kernel=8, first_stride=2, n_classes=5,
                                decoder=False)
    assert model.decoder is None
    assert model.classify(model.encode(torch.rand(3, 1, 56, 56))).shape == (3, 5)


def test_sizes_that_the_decoder_cannot_reach_are_refused():
    with pytest.raises(ValueError, match="7 \\* 2\\^n"):
        sketchanet.SketchAE(64)


def test_dropout_only_acts_in_training():
    model = sketchanet.SketchAE(56, bottleneck=32, width=0.25, first_kernel=8, first_stride=2, encoder_dropout=0.5)
    x = torch.rand(4, 1, 56, 56)
    model.eval()
    assert torch.equal(model.encode(x), model.encode(x))
    model.train()
    assert not torch.equal(model.encode(x), model.encode(x))


def test_flop_count_of_a_dense_and_a_conv_layer_by_hand():
    net = torch.nn.Sequential(torch.nn.Conv2d(1, 4, 3), torch.nn.Flatten(), torch.nn.Linear(4 * 6 * 6, 10))
    # conv: 36 outputs x 4 channels x 9 taps; dense: 144 x 10; 2 FLOPs per multiply-add
    assert flops.forward_flops(net, (1, 8, 8)) == 2 * (36 * 4 * 9 + 144 * 10)
    up = torch.nn.ConvTranspose2d(2, 3, 5, stride=2, padding=2, output_padding=1)
    assert flops.forward_flops(up, (2, 4, 4)) == 2 * 16 * 2 * 3 * 25
