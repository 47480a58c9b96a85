#!/usr/bin/python3
"""Export a face-image classifier (HSEmotion's EfficientNet-B2 ``enet_b2_8_best.pt`` or any
torchvision/timm-style CNN with a ``classifier`` attribute) as an embedding model for VAVL's Face Encoder.

What it does
  1. loads the model: a whole pickled model (``torch.save(model)``, which is how HSEmotion publishes its
     ``.pt`` files) or a state dict plus ``--arch`` (a torchvision constructor name such as
     ``efficientnet_b2``) and ``--num-classes``;
  2. replaces the classifier (attribute ``--classifier``, default ``classifier``) by ``torch.nn.Identity``,
     so the model returns the pooled embedding (1408 values for EfficientNet-B2) instead of class logits;
  3. writes TorchScript (``torch.jit.trace``) or ONNX (opset 13, dynamic batch, fixed image size) taking
     ``(batch, 3, size, size)`` float images, RGB, normalised with ImageNet mean/std (the Face Encoder's
     defaults), and returning ``(batch, dim)``.

Run with Debian's torch (``/usr/bin/python3``, torch 1.13, torchvision 0.14). HSEmotion's pickled models
were made with timm: unpickling them needs ``timm`` importable (``pip install --user timm``); a
torchvision-built model needs nothing else.

Examples
  /usr/bin/python3 tools/export/export_face_model.py enet_b2_8_best.pt enet_b2_embed.pt --size 260
  /usr/bin/python3 tools/export/export_face_model.py enet_b2_8_best.pt enet_b2_embed.onnx --size 224
  /usr/bin/python3 tools/export/export_face_model.py weights.pth out.pt --arch efficientnet_b2 --num-classes 8

The Face Encoder's settings must then match: input size = ``--size``, channel order RGB, ImageNet
normalisation. ``--check`` prints the output shape of a random batch and compares the exported model with
the original.
"""
import argparse
import sys

import torch


def load_model(path, arch=None, num_classes=None):
    """Loads a whole pickled model, or a state dict into torchvision's ``arch``."""
    obj = torch.load(path, map_location="cpu")
    if isinstance(obj, torch.nn.Module):
        return obj
    if isinstance(obj, dict):
        state = obj.get("state_dict", obj.get("model", obj))
        if arch is None:
            raise SystemExit(f"{path} holds a state dict: give --arch (a torchvision model name, e.g. "
                             f"efficientnet_b2) and --num-classes.")
        import torchvision
        ctor = getattr(torchvision.models, arch, None)
        if ctor is None:
            raise SystemExit(f"torchvision has no model '{arch}'.")
        kwargs = {"weights": None}
        if num_classes is not None:
            kwargs["num_classes"] = num_classes
        model = ctor(**kwargs)
        state = {k[len("module."):] if k.startswith("module.") else k: v for k, v in state.items()}
        model.load_state_dict(state)
        return model
    raise SystemExit(f"{path} holds a {type(obj).__name__}, neither a model nor a state dict.")


def strip_classifier(model, attribute="classifier"):
    """Replaces the classifier by Identity so that the model returns its pooled embedding."""
    if not hasattr(model, attribute):
        raise SystemExit(f"The model ({type(model).__name__}) has no attribute '{attribute}'; "
                         f"name the classifier with --classifier.")
    setattr(model, attribute, torch.nn.Identity())
    return model.eval()


def export(model, out, size=224, fmt=None):
    """Writes ``model`` (eval mode) as TorchScript or ONNX for (batch, 3, size, size) input."""
    model = model.eval()
    fmt = fmt or ("onnx" if str(out).lower().endswith(".onnx") else "torchscript")
    example = torch.rand(1, 3, size, size)
    with torch.no_grad():
        if fmt == "onnx":
            torch.onnx.export(model, example, str(out), input_names=["images"], output_names=["embedding"],
                              dynamic_axes={"images": {0: "batch"}, "embedding": {0: "batch"}},
                              opset_version=13, do_constant_folding=True)
        else:
            # --check compares the exported file with the original on a fresh batch
            traced = torch.jit.trace(model, example, check_trace=False)
            traced.save(str(out))
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model", help="pickled model (.pt) or state dict (with --arch)")
    p.add_argument("out", help="output file: .pt (TorchScript) or .onnx")
    p.add_argument("--size", type=int, default=224, help="square input size in pixels (HSEmotion: 260; VAVL: 224)")
    p.add_argument("--format", choices=["torchscript", "onnx"], help="default: from the output's extension")
    p.add_argument("--classifier", default="classifier", help="attribute holding the classifier")
    p.add_argument("--arch", help="torchvision constructor name, for state dicts")
    p.add_argument("--num-classes", type=int, help="classes of the state dict's classifier")
    p.add_argument("--check", action="store_true", help="compare exported and original outputs")
    a = p.parse_args(argv)
    torch.manual_seed(0)
    model = strip_classifier(load_model(a.model, a.arch, a.num_classes), a.classifier)
    export(model, a.out, a.size, a.format)
    print(f"wrote {a.out}")
    if a.check:
        x = torch.rand(2, 3, a.size, a.size)
        with torch.no_grad():
            want = model(x)
            if str(a.out).lower().endswith(".onnx") or a.format == "onnx":
                print(f"embedding shape {tuple(want.shape)} (ONNX not re-run here: no onnxruntime in Python)")
            else:
                got = torch.jit.load(a.out)(x)
                print(f"embedding shape {tuple(got.shape)}, max |exported - original| = "
                      f"{(got - want).abs().max().item():.3g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
