"""The PyTorch column of `npm run bench`: the same workloads as the tfjs side, in one process.

Run by tests/bench/torch.ts with one argument, a folder holding `workloads.json` and the raw
little-endian float32 files it names (data, plane center and directions, in the engine's
parameter layout: dense kernels [in, out], conv kernels [k, k, cin, cout], NHWC images).
Prints one JSON object: points/s and a loss checksum per grid, steps/s per training row.
Single-threaded: the caller sets torch's thread count to 1 and clears OpenBLAS overrides.
"""

import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

torch.set_num_threads(1)


def load(folder, name, shape):
    return torch.from_numpy(np.fromfile(os.path.join(folder, name), dtype="<f4").reshape(shape))


def views(theta, shapes):
    """The flat vector as the engine's parameter list (views, no copies)."""
    out, offset = [], 0
    for shape in shapes:
        size = int(np.prod(shape))
        out.append(theta[offset : offset + size].view(*shape))
        offset += size
    return out


def mlp_forward(params, x, activation):
    h = x
    layers = len(params) // 2
    for layer in range(layers):
        h = h @ params[2 * layer] + params[2 * layer + 1]
        if layer < layers - 1:
            h = torch.relu(h) if activation == "relu" else torch.tanh(h)
    return h


def cnn_forward(params, x, spec):
    side, convs = spec["side"], len(spec["channels"])
    h = x.view(-1, side, side, 1).permute(0, 3, 1, 2)
    for i in range(convs):
        kernel = params[2 * i].permute(3, 2, 0, 1)  # [k,k,cin,cout] -> [cout,cin,k,k]
        h = torch.relu(F.conv2d(h, kernel, params[2 * i + 1], padding=kernel.shape[-1] // 2))
        h = F.max_pool2d(h, 2, ceil_mode=True)
    h = h.permute(0, 2, 3, 1).reshape(h.shape[0], -1)  # NHWC flatten, as the engine does
    return mlp_forward(params[2 * convs :], h, "relu")


def grid(folder, w):
    n = w["samples"]
    x = load(folder, w["x"], (n, w["features"]))
    y = load(folder, w["y"], (n,)).long()
    center, delta, eta = (load(folder, w[k], (-1,)) for k in ("center", "delta", "eta"))
    shapes = [tuple(s) for s in w["shapes"]]
    axis = w["axis"]
    loss = np.zeros(len(axis) ** 2)
    accuracy = np.zeros(len(axis) ** 2)
    with torch.no_grad():
        start = time.perf_counter()
        # The per-point loop most landscape scripts run: set θ, evaluate loss and accuracy.
        for j, beta in enumerate(axis):
            for i, alpha in enumerate(axis):
                params = views(center + alpha * delta + beta * eta, shapes)
                out = (
                    cnn_forward(params, x, w)
                    if w["kind"] == "cnn"
                    else mlp_forward(params, x, w["activation"])
                )
                loss[j * len(axis) + i] = F.cross_entropy(out, y).item()
                accuracy[j * len(axis) + i] = (out.argmax(1) == y).float().mean().item()
        seconds = time.perf_counter() - start
    return {"rate": loss.size / seconds, "checksum": float(loss.sum())}


def train(folder, w):
    n = w["samples"]
    x = load(folder, w["x"], (n, w["features"]))
    y = load(folder, w["y"], (n,)).long()
    torch.manual_seed(0)
    layers = []
    if w["kind"] == "cnn":
        side, cin = w["side"], 1
        x = x.view(n, 1, side, side)
        for cout in w["channels"]:
            layers += [torch.nn.Conv2d(cin, cout, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2)]
            cin = cout
        side_out = side // 2 ** len(w["channels"])
        widths = [cin * side_out * side_out, *w["dense"], w["classes"]]
        layers.append(torch.nn.Flatten())
    else:
        widths = [w["features"], *w["hidden"], w["classes"]]
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
        if i < len(widths) - 2:
            layers.append(torch.nn.ReLU())
    model = torch.nn.Sequential(*layers)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    batch, generator = w["batch"], torch.Generator().manual_seed(1)

    def step():
        idx = torch.randint(0, n, (batch,), generator=generator)
        optimizer.zero_grad()
        loss = F.cross_entropy(model(x[idx]), y[idx])
        loss.backward()
        optimizer.step()
        return loss.item()  # read every step, as the engine's step events do

    for _ in range(10):
        step()
    best = 0.0
    for _ in range(3):
        start = time.perf_counter()
        for _ in range(w["steps"]):
            step()
        best = max(best, w["steps"] / (time.perf_counter() - start))
    return {"rate": best}


def main():
    folder = sys.argv[1]
    with open(os.path.join(folder, "workloads.json")) as f:
        workloads = json.load(f)
    out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "results": {}}
    for w in workloads:
        out["results"][w["name"]] = grid(folder, w) if w["type"] == "grid" else train(folder, w)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
