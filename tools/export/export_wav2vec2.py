#!/usr/bin/python3
"""Export a wav2vec2 speech model, cut to its first N transformer layers, as TorchScript for VAVL's
Audio Encoder: ``(batch, samples)`` 16 kHz float waveform -> ``(batch, frames, dim)`` (50 frames per
second for the usual convolutional front end).

This is what VAVL's reference does with wav2vec2-large-robust: keep the first 12 transformer layers and
take the encoder output of the last kept layer (for "stable layer norm" models such as large-robust the
encoder's final layer norm is applied after the kept layers, as in Hugging Face's ``last_hidden_state``).
Any classification head is dropped.

Sources (one of)
  --hf FOLDER                a Hugging Face checkpoint folder (config.json + weights); needs ``transformers``
                             importable; converted with torchaudio's ``import_huggingface_model``
  --config CFG.json --state-dict SD.pth
                             a torchaudio ``Wav2Vec2Model`` state dict and the keyword arguments of
                             ``torchaudio.models.wav2vec2_model`` as JSON
  --bundle NAME --state-dict SD.pth
                             a torchaudio pipeline's architecture (e.g. WAV2VEC2_LARGE_LV60K) with its
                             weights file, downloaded beforehand (nothing is downloaded here)
  --pickled MODEL.pt         a whole pickled torchaudio ``Wav2Vec2Model``

Waveform normalisation is NOT put into the exported model: set it in the Audio Encoder (per utterance
for models trained on normalised audio such as large-robust, or the training split's statistics as the
reference does).

Examples
  /usr/bin/python3 tools/export/export_wav2vec2.py --hf ./wav2vec2-large-robust --layers 12 w2v_12.pt
  /usr/bin/python3 tools/export/export_wav2vec2.py --config cfg.json --state-dict sd.pth --layers 6 w2v.pt

Run with Debian's torch (``/usr/bin/python3``: torch 1.13, torchaudio 0.13).
"""
import argparse
import json
import sys

import torch
import torchaudio
from torchaudio.models import wav2vec2_model


class WaveformToFeatures(torch.nn.Module):
    """(batch, samples) -> (batch, frames, dim): the output of the last kept transformer layer."""

    def __init__(self, model):
        super().__init__()
        self.feature_extractor = model.feature_extractor
        self.encoder = model.encoder

    def forward(self, waveform: torch.Tensor) -> torch.Tensor:
        x, _ = self.feature_extractor(waveform, None)
        return self.encoder(x, None)


def load(hf=None, config=None, state_dict=None, bundle=None, pickled=None):
    """Builds a torchaudio Wav2Vec2Model from one of the supported sources."""
    if hf:
        try:
            from transformers import Wav2Vec2Model
        except ImportError:
            raise SystemExit("--hf needs the 'transformers' package in this Python (pip install --user transformers).")
        from torchaudio.models.wav2vec2.utils import import_huggingface_model
        return import_huggingface_model(Wav2Vec2Model.from_pretrained(hf, local_files_only=True)).eval()
    if pickled:
        model = torch.load(pickled, map_location="cpu")
        if not isinstance(model, torchaudio.models.Wav2Vec2Model):
            raise SystemExit(f"{pickled} holds a {type(model).__name__}, not a torchaudio Wav2Vec2Model.")
        return model.eval()
    if state_dict is None:
        raise SystemExit("Give --hf, --pickled, or --state-dict with --config or --bundle.")
    if config:
        with open(config) as f:
            kwargs = json.load(f)
    elif bundle:
        b = getattr(torchaudio.pipelines, bundle, None)
        if b is None:
            raise SystemExit(f"torchaudio.pipelines has no bundle '{bundle}'.")
        kwargs = dict(b._params)
    else:
        raise SystemExit("--state-dict needs --config or --bundle.")
    kwargs = {k: v for k, v in kwargs.items() if k != "normalize_waveform"}
    kwargs.setdefault("aux_num_out", None)
    model = wav2vec2_model(**kwargs)
    state = torch.load(state_dict, map_location="cpu")
    state = state.get("state_dict", state)
    missing, unexpected = model.load_state_dict(state, strict=False)
    missing = [k for k in missing if not k.startswith("aux.")]
    if missing:
        raise SystemExit(f"{state_dict} lacks weights the architecture needs: {missing[:5]} ...")
    return model.eval()


def cut(model, layers):
    """Keeps the first ``layers`` transformer layers and wraps the model as waveform -> features."""
    kept = model.encoder.transformer.layers
    if layers is not None:
        if not 0 < layers <= len(kept):
            raise SystemExit(f"--layers must be between 1 and {len(kept)} for this model.")
        del kept[layers:]
    model.aux = None
    return WaveformToFeatures(model).eval()


def export(wrapper, out):
    """Writes the wrapper as TorchScript (scripted, so any waveform length works)."""
    scripted = torch.jit.script(wrapper)
    scripted.save(str(out))
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", help="output TorchScript file (.pt)")
    p.add_argument("--hf", help="Hugging Face checkpoint folder")
    p.add_argument("--config", help="JSON keyword arguments of torchaudio.models.wav2vec2_model")
    p.add_argument("--state-dict", help="torchaudio Wav2Vec2Model state dict")
    p.add_argument("--bundle", help="torchaudio pipeline bundle name giving the architecture")
    p.add_argument("--pickled", help="a whole pickled torchaudio Wav2Vec2Model")
    p.add_argument("--layers", type=int, help="transformer layers to keep (reference: 12); default all")
    a = p.parse_args(argv)
    model = load(a.hf, a.config, a.state_dict, a.bundle, a.pickled)
    wrapper = cut(model, a.layers)
    export(wrapper, a.out)
    with torch.no_grad():
        y = torch.jit.load(a.out)(torch.zeros(1, 16000))
    print(f"wrote {a.out}: 1 s of audio -> {tuple(y.shape)} (batch, frames, dim)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
