#!/usr/bin/python3
"""Draws the 16x16 icons of the Audio Extractor and the Emotion Label Joiner (Debian python3-pil).

    /usr/bin/python3 tools/icons/make_audio_icons.py
"""
from PIL import Image, ImageDraw

NODES = "org.vavl.knime.nodes/src/main/java/org/vavl/knime/nodes"


def audio_extractor(path):
    """A film strip on the left, a waveform coming out of it on the right."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 2, 5, 13), fill=(60, 60, 70, 255))
    for y in (3, 6, 9, 12):
        d.point([(1, y), (4, y)], fill=(230, 230, 230, 255))
    d.rectangle((2, 4, 3, 11), fill=(120, 160, 220, 255))
    green = (30, 140, 90, 255)
    for x, h in ((7, 4), (9, 8), (11, 12), (13, 6), (15, 3)):
        d.line((x, 8 - h // 2, x, 8 + (h - 1) // 2), fill=green)
    img.save(path)


def label_joiner(path):
    """A table (rows) with a tag joined to it."""
    img = Image.new("RGBA", (16, 16), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 1, 9, 14), fill=(255, 255, 255, 255), outline=(90, 90, 90, 255))
    for y in (4, 7, 10):
        d.line((1, y, 8, y), fill=(170, 170, 170, 255))
    d.rectangle((1, 2, 8, 3), fill=(120, 160, 220, 255))
    d.polygon([(9, 5), (13, 5), (15, 8), (13, 11), (9, 11)], fill=(230, 120, 40, 255))
    d.point((13, 8), fill=(255, 255, 255, 255))
    img.save(path)


if __name__ == "__main__":
    audio_extractor(f"{NODES}/audioextractor/audioextractor.png")
    label_joiner(f"{NODES}/labels/labels.png")
