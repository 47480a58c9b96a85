package org.vavl.core.face;

/**
 * Where the main face is in a frame: the centre of its box, the side of its (square) box in frame pixels,
 * and its roll angle (radians, the direction of the line from the image-left eye to the image-right eye,
 * image coordinates with y down; 0 = eyes level).
 */
final class FacePose {

    final double cx;

    final double cy;

    final double size;

    final double angle;

    FacePose(final double cx, final double cy, final double size, final double angle) {
        this.cx = cx;
        this.cy = cy;
        this.size = size;
        this.angle = angle;
    }

    FacePose withAngle(final double a) {
        return new FacePose(cx, cy, size, a);
    }

    double distanceTo(final FacePose o) {
        return Math.hypot(cx - o.cx, cy - o.cy);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "FacePose[%.1f, %.1f, size %.1f, %.1f deg]", cx, cy, size,
            Math.toDegrees(angle));
    }
}
