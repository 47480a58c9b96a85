#!/usr/bin/python3
"""The Python half of bench/encoders.sh: EfficientNet-B2 (the TorchScript file exported by
tools/export/export_face_model.py, and the eager torchvision model it came from) images per second with
Debian's torch on one thread, on the same images as the Java half. Prints one JSON object."""
import json
import sys
import time

import numpy as np
import torch

MEAN = np.array([0.485, 0.456, 0.406], dtype=np.float32)
STD = np.array([0.229, 0.224, 0.225], dtype=np.float32)


def main(folder, batch, rounds):
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    images = np.load(f"{folder}/images.npy")
    n = images.shape[0]
    size = int(round((images.shape[1] / 3) ** 0.5))
    x = ((images.reshape(n, size, size, 3) / np.float32(255) - MEAN) / STD).transpose(0, 3, 1, 2)
    batches = [torch.from_numpy(np.ascontiguousarray(x[i:i + batch], dtype=np.float32)) for i in range(0, n, batch)]
    result = {}
    scripted = torch.jit.load(f"{folder}/enet_b2_embed.pt").eval()
    import torchvision
    eager = torchvision.models.efficientnet_b2(weights=None)
    eager.classifier = torch.nn.Identity()
    eager.load_state_dict({k: v for k, v in scripted.state_dict().items()}, strict=True)
    eager.eval()
    for name, model in (("torchscript", scripted), ("eager", eager)):
        with torch.no_grad():
            for _ in range(3):
                model(batches[0])  # warm-up: TorchScript's profiling executor optimises during the first calls
            best, best_cpu = float("inf"), float("inf")
            for _ in range(rounds):
                t0, c0 = time.perf_counter(), time.process_time()
                for b in batches:
                    model(b)
                best = min(best, time.perf_counter() - t0)
                best_cpu = min(best_cpu, time.process_time() - c0)
        result[f"efficientnet_b2 python {name} forward images/s"] = n / best
        result[f"efficientnet_b2 python {name} forward images per cpu s"] = n / best_cpu
    # end to end from 8-bit images (normalise + forward), as the Java encoder's figure
    with torch.no_grad():
        best, best_cpu = float("inf"), float("inf")
        for _ in range(rounds):
            t0, c0 = time.perf_counter(), time.process_time()
            y = ((images.reshape(n, size, size, 3) / np.float32(255) - MEAN) / STD).transpose(0, 3, 1, 2)
            for i in range(0, n, batch):
                scripted(torch.from_numpy(np.ascontiguousarray(y[i:i + batch], dtype=np.float32)))
            best = min(best, time.perf_counter() - t0)
            best_cpu = min(best_cpu, time.process_time() - c0)
    result["efficientnet_b2 python torchscript encoder images/s"] = n / best
    result["efficientnet_b2 python torchscript encoder images per cpu s"] = n / best_cpu
    result["python torch version"] = float(".".join(torch.__version__.split(".")[:2]))
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
