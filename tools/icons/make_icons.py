#!/usr/bin/python3
"""Draws the 16x16 icons of the VAVL category and of the Evaluator node (Debian python3-pil).

    /usr/bin/python3 tools/icons/make_icons.py
"""
from PIL import Image, ImageDraw

NODES = "org.vavl.knime.nodes"


def category(path):
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((0, 0, 15, 15), radius=3, fill=(123, 50, 148, 255))
    # a face (circle) and a sound wave: audio-visual
    d.ellipse((2, 3, 9, 12), outline=(255, 255, 255, 255))
    d.point([(4, 6), (7, 6)], fill=(255, 255, 255, 255))
    d.arc((4, 7, 7, 10), 20, 160, fill=(255, 255, 255, 255))
    for x, h in ((11, 3), (13, 5)):
        d.line((x, 8 - h // 2 - 1, x, 8 + h // 2), fill=(255, 255, 255, 255))
    img.save(path)


def evaluator(path):
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, 15, 15), fill=(255, 255, 255, 255), outline=(90, 90, 90, 255))
    shades = [[(40, 95, 180), (220, 230, 245), (235, 240, 250)],
              [(225, 232, 246), (60, 115, 190), (230, 236, 248)],
              [(236, 240, 250), (215, 225, 244), (50, 105, 185)]]
    for r in range(3):
        for c in range(3):
            x, y = 1 + c * 5, 1 + r * 5
            d.rectangle((x, y, x + 3, y + 3), fill=shades[r][c] + (255,))
    img.save(path)


def demo(path):
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((0, 2, 15, 13), radius=2, fill=(60, 60, 70, 255))
    d.ellipse((4, 4, 11, 11), fill=(240, 200, 160, 255))
    d.arc((6, 6, 9, 9), 20, 160, fill=(120, 40, 40, 255))
    d.polygon([(13, 6), (15, 5), (15, 10), (13, 9)], fill=(250, 210, 60, 255))
    img.save(path)


if __name__ == "__main__":
    demo(f"{NODES}/src/main/java/org/vavl/knime/nodes/demo/demo.png")
    category(f"{NODES}/icons/vavl.png")
    evaluator(f"{NODES}/src/main/java/org/vavl/knime/nodes/evaluator/evaluator.png")
