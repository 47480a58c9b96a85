#!/usr/bin/python3
"""Makes the small model files and reference outputs that VAVL's Java tests compare against.

Every model here has random weights (seeded, nothing is downloaded; EfficientNets get their BatchNorm
statistics from random images so that their outputs are not vanishingly small); the Java side loads the files with
DJL and must reproduce the outputs written here within 1e-4.

  /usr/bin/python3 tools/export/make_fixtures.py            # committed fixtures (all files < 1 MB)
  /usr/bin/python3 tools/export/make_fixtures.py --effnet-b2 DIR [--size 224] [--images 2]
                                                           # EfficientNet-B2 check (35 MB, not committed)

Committed fixtures (org.vavl.core/src/test/resources/org/vavl/core/features/fixtures/):
  tiny_wav2vec2.pt            torchaudio wav2vec2 (small configuration, 4 layers) cut to 2 layers by
                              export_wav2vec2.py: (batch, samples) -> (batch, frames, 64)
  tiny_wav2vec2_in{0,1}.npy   waveforms (1, samples); tiny_wav2vec2_out{0,1}.npy outputs (frames, 64)
  tiny_cnn.pt / tiny_cnn.onnx a small CNN whose linear layer needs 32x32 input: (batch, 3, 32, 32) -> (batch, 16)
  tiny_cnn_images.npy         2 RGB images, 32x32, HWC uint8 values as float32, one image per row
  tiny_cnn_out_rgb.npy        outputs for RGB input with ImageNet normalisation; tiny_cnn_out_bgr.npy for BGR
  tiny_effnet.onnx            a small torchvision EfficientNet with an HSEmotion-like classifier, exported by
                              export_face_model.py (classifier removed): (batch, 3, 64, 64) -> (batch, 80)
  tiny_effnet_images.npy / tiny_effnet_out.npy   2 RGB 64x64 images and their embeddings
  wrong_rank_face.pt          returns a (batch, 4, h, w) feature map (for the error test)
  tiny_audio.onnx             conv1d front end: (batch, samples) -> (batch, frames, 8), 20 ms hop
  tiny_audio_in.npy / tiny_audio_out.npy
  wrong_rank_audio.pt         returns (batch, dim) (for the error test)
"""
import argparse
import json
import os
import sys
import tempfile

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import export_face_model  # noqa: E402
import export_wav2vec2  # noqa: E402

DEFAULT_OUT = os.path.join(HERE, "..", "..", "org.vavl.core", "src", "test", "resources", "org", "vavl", "core",
                           "features", "fixtures")
MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)

TINY_WAV2VEC2 = dict(
    extractor_mode="layer_norm",
    extractor_conv_layer_config=[[32, 10, 5], [32, 3, 2], [32, 3, 2], [32, 3, 2], [32, 3, 2], [32, 2, 2], [32, 2, 2]],
    extractor_conv_bias=True, encoder_embed_dim=64, encoder_projection_dropout=0.0, encoder_pos_conv_kernel=16,
    encoder_pos_conv_groups=4, encoder_num_layers=4, encoder_num_heads=4, encoder_attention_dropout=0.0,
    encoder_ff_interm_features=128, encoder_ff_interm_dropout=0.0, encoder_dropout=0.0,
    encoder_layer_norm_first=True, encoder_layer_drop=0.0, aux_num_out=None)


def save(out, name, array):
    np.save(os.path.join(out, name), np.ascontiguousarray(array, dtype=np.float32))


def preprocess(images_hwc, size, bgr=False):
    """uint8-valued (n, size, size, 3) RGB images -> normalised (n, 3, size, size), as the Face Encoder does."""
    x = images_hwc.astype(np.float32) / 255.0
    x = (x - MEAN) / STD
    x = x.transpose(0, 3, 1, 2)
    if bgr:
        x = x[:, ::-1]
    return torch.from_numpy(np.ascontiguousarray(x))


def random_images(rng, n, size):
    return rng.integers(0, 256, size=(n, size, size, 3)).astype(np.float32)


class TinyCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 8, 3, stride=2, padding=1), nn.ReLU(),
                                      nn.Conv2d(8, 8, 3, stride=2, padding=1), nn.ReLU(), nn.Flatten())
        self.fc = nn.Linear(8 * 8 * 8, 16)

    def forward(self, x):
        return self.fc(self.features(x))


class FeatureMap(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, stride=4)

    def forward(self, x):
        return self.conv(x)


class TinyAudio(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(1, 8, kernel_size=400, stride=320)

    def forward(self, waveform):
        return torch.tanh(self.conv(waveform.unsqueeze(1))).transpose(1, 2)


class PooledAudio(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(1, 8, kernel_size=400, stride=320)

    def forward(self, waveform):
        return self.conv(waveform.unsqueeze(1)).mean(dim=2)


def calibrate_batchnorm(model, size, images=8):
    """Sets the BatchNorm running statistics from random 8-bit images, normalised as the Face Encoder does
    (BatchNorm layers in train mode, the rest in eval mode, cumulative average).

    A freshly initialised EfficientNet's activations shrink layer after layer (outputs about 1e-13), which
    would make any comparison vacuous; with statistics from data the embeddings are of order 0.1-1 as in a
    trained model. The weights stay random."""
    model.eval()  # stochastic depth and dropout off: the statistics must match eval-mode activations
    for m in model.modules():
        if isinstance(m, nn.modules.batchnorm._BatchNorm):
            m.reset_running_stats()
            m.momentum = None
            m.train()
    rng = np.random.default_rng(11)
    with torch.no_grad():
        for _ in range(2):
            model(preprocess(random_images(rng, max(1, images // 2), size), size))
    return model.eval()


def tiny_wav2vec2(out, tmp):
    torch.manual_seed(1)
    model = export_wav2vec2.wav2vec2_model(**TINY_WAV2VEC2).eval()
    cfg, sd = os.path.join(tmp, "cfg.json"), os.path.join(tmp, "sd.pth")
    with open(cfg, "w") as f:
        json.dump(TINY_WAV2VEC2, f)
    torch.save(model.state_dict(), sd)
    # the export tool itself: load from config + state dict, cut to 2 layers, script
    wrapper = export_wav2vec2.cut(export_wav2vec2.load(config=cfg, state_dict=sd), 2)
    path = os.path.join(out, "tiny_wav2vec2.pt")
    export_wav2vec2.export(wrapper, path)
    exported = torch.jit.load(path)
    rng = np.random.default_rng(2)
    for i, n in enumerate([8000, 12345]):
        wave = (0.1 * rng.standard_normal((1, n))).astype(np.float32)
        with torch.no_grad():
            y = exported(torch.from_numpy(wave))
            ref = wrapper(torch.from_numpy(wave))
        assert torch.allclose(y, ref, atol=1e-6), "scripted model differs from the eager one"
        save(out, f"tiny_wav2vec2_in{i}.npy", wave)
        save(out, f"tiny_wav2vec2_out{i}.npy", y[0].numpy())


def tiny_cnn(out):
    torch.manual_seed(3)
    model = TinyCnn().eval()
    export_face_model.export(model, os.path.join(out, "tiny_cnn.onnx"), 32, "onnx")
    torch.jit.trace(model, torch.rand(1, 3, 32, 32)).save(os.path.join(out, "tiny_cnn.pt"))
    images = random_images(np.random.default_rng(4), 2, 32)
    save(out, "tiny_cnn_images.npy", images.reshape(2, -1))
    with torch.no_grad():
        save(out, "tiny_cnn_out_rgb.npy", model(preprocess(images, 32)).numpy())
        save(out, "tiny_cnn_out_bgr.npy", model(preprocess(images, 32, bgr=True)).numpy())
    torch.jit.trace(FeatureMap().eval(), torch.rand(1, 3, 32, 32)).save(os.path.join(out, "wrong_rank_face.pt"))


def tiny_effnet(out, tmp):
    from torchvision.models.efficientnet import EfficientNet, _efficientnet_conf
    torch.manual_seed(5)
    setting, last = _efficientnet_conf("efficientnet_b0", width_mult=0.25, depth_mult=0.25)
    model = EfficientNet(setting, dropout=0.2, last_channel=last)
    dim = model.classifier[1].in_features
    # HSEmotion-like custom classifier, to be removed by the export tool
    model.classifier = nn.Sequential(nn.Linear(dim, 8))
    calibrate_batchnorm(model, 64)
    pickled = os.path.join(tmp, "tiny_effnet_full.pt")
    torch.save(model, pickled)
    embed = export_face_model.strip_classifier(export_face_model.load_model(pickled))
    export_face_model.export(embed, os.path.join(out, "tiny_effnet.onnx"), 64, "onnx")
    images = random_images(np.random.default_rng(6), 2, 64)
    save(out, "tiny_effnet_images.npy", images.reshape(2, -1))
    with torch.no_grad():
        save(out, "tiny_effnet_out.npy", embed(preprocess(images, 64)).numpy())


def tiny_audio(out):
    torch.manual_seed(7)
    model = TinyAudio().eval()
    torch.onnx.export(model, torch.zeros(1, 16000), os.path.join(out, "tiny_audio.onnx"), input_names=["waveform"],
                      output_names=["features"], opset_version=13,
                      dynamic_axes={"waveform": {0: "batch", 1: "samples"}, "features": {0: "batch", 1: "frames"}})
    wave = (0.1 * np.random.default_rng(8).standard_normal((1, 9000))).astype(np.float32)
    save(out, "tiny_audio_in.npy", wave)
    with torch.no_grad():
        save(out, "tiny_audio_out.npy", model(torch.from_numpy(wave))[0].numpy())
    torch.jit.trace(PooledAudio().eval(), torch.zeros(1, 16000)).save(os.path.join(out, "wrong_rank_audio.pt"))


def effnet_b2(out, size, n_images):
    """Random-weight torchvision EfficientNet-B2 with an HSEmotion-like classifier, exported by the tool."""
    import torchvision
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(9)
    model = torchvision.models.efficientnet_b2(weights=None)
    model.classifier = nn.Sequential(nn.Dropout(0.3), nn.Linear(1408, 8))
    calibrate_batchnorm(model, size, 2)
    pickled = os.path.join(out, "enet_b2_random_full.pt")
    torch.save(model, pickled)
    rc = export_face_model.main([pickled, os.path.join(out, "enet_b2_embed.pt"), "--size", str(size)])
    os.remove(pickled)
    embed = torch.jit.load(os.path.join(out, "enet_b2_embed.pt"))
    images = random_images(np.random.default_rng(10), n_images, size)
    save(out, "images.npy", images.reshape(n_images, -1))
    with torch.no_grad():
        save(out, "out.npy", embed(preprocess(images, size)).numpy())
    return rc


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default=DEFAULT_OUT, help="folder for the committed fixtures")
    p.add_argument("--effnet-b2", metavar="DIR", help="make only the EfficientNet-B2 check files in DIR")
    p.add_argument("--size", type=int, default=224)
    p.add_argument("--images", type=int, default=2)
    a = p.parse_args(argv)
    torch.set_num_threads(1)
    if a.effnet_b2:
        return effnet_b2(a.effnet_b2, a.size, a.images)
    out = os.path.abspath(a.out)
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tiny_wav2vec2(out, tmp)
        tiny_cnn(out)
        tiny_effnet(out, tmp)
        tiny_audio(out)
    for f in sorted(os.listdir(out)):
        print(f"{os.path.getsize(os.path.join(out, f)):>9}  {f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
