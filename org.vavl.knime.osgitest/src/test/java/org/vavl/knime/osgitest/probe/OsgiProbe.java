package org.vavl.knime.osgitest.probe;

import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.vavl.core.util.DjlRuntime;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Runs INSIDE the OSGi framework, from a small probe bundle that requires org.vavl.core (which re-exports
 * org.vavl.libs): every DJL, JavaCV and OpenCV class it touches comes from the installed bundles. The test calls
 * these static methods by reflection and gets back only JDK types.
 */
public final class OsgiProbe {

    private OsgiProbe() {
    }

    /** A PyTorch matrix product through DjlRuntime.call, the way the nodes run DJL. */
    public static Map<String, Object> djlMatMul(final String cacheDir) throws Exception {
        DjlRuntime.configure(1, Paths.get(cacheDir));
        final Map<String, Object> out = new LinkedHashMap<>();
        final ClassLoader before = Thread.currentThread().getContextClassLoader();
        final float[] product = DjlRuntime.call(() -> {
            out.put("contextLoaderBundle", bundleOf(Thread.currentThread().getContextClassLoader()));
            final Engine engine = Engine.getEngine("PyTorch");
            out.put("engine", engine.getEngineName());
            out.put("engineVersion", engine.getVersion());
            try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
                final NDArray a = m.create(new float[]{1, 2, 3, 4, 5, 6}, new Shape(2, 3));
                final NDArray b = m.create(new float[]{7, 8, 9, 10, 11, 12}, new Shape(3, 2));
                final NDArray c = a.matMul(b);
                out.put("shape", c.getShape().toString());
                out.put("device", c.getDevice().toString());
                return c.toFloatArray();
            }
        });
        out.put("product", product);
        out.put("contextLoaderRestored", Thread.currentThread().getContextClassLoader() == before);
        out.put("djlBundle", FrameworkUtil.getBundle(Engine.class).getSymbolicName());
        out.put("libtorchDir", ai.djl.pytorch.jni.LibUtils.getLibtorchPath());
        out.put("offline", System.getProperty("ai.djl.offline"));
        return out;
    }

    /**
     * Writes a small MPEG-4 video with AAC audio (25 frames of 64x48 at 25 fps, 1 s of a 440 Hz tone at 16 kHz)
     * with FFmpegFrameRecorder, then probes and decodes it with FFmpegFrameGrabber.
     */
    public static Map<String, Object> ffmpegWriteAndProbe(final String file) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        final int w = 64;
        final int h = 48;
        final int frames = 25;
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file, w, h, 1)) {
            rec.setFormat("mp4");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            rec.setFrameRate(25);
            rec.setVideoBitrate(200_000);
            rec.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            rec.setSampleRate(16000);
            rec.setAudioChannels(1);
            rec.start();
            final Frame frame = new Frame(w, h, Frame.DEPTH_UBYTE, 3);
            final java.nio.ByteBuffer pixels = (java.nio.ByteBuffer)frame.image[0];
            for (int i = 0; i < frames; i++) {
                for (int p = 0; p < pixels.capacity(); p++) {
                    pixels.put(p, (byte)((p + i * 8) & 0xff));
                }
                rec.record(frame, avutil.AV_PIX_FMT_BGR24);
            }
            final short[] tone = new short[16000];
            for (int i = 0; i < tone.length; i++) {
                tone[i] = (short)(8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0));
            }
            rec.recordSamples(16000, 1, ShortBuffer.wrap(tone));
            rec.stop();
        }
        final Map<String, Object> out = new LinkedHashMap<>();
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file)) {
            g.start();
            out.put("width", g.getImageWidth());
            out.put("height", g.getImageHeight());
            out.put("frameRate", g.getFrameRate());
            out.put("videoCodec", g.getVideoCodecName());
            out.put("audioChannels", g.getAudioChannels());
            out.put("sampleRate", g.getSampleRate());
            out.put("durationMicros", g.getLengthInTime());
            int decoded = 0;
            while (g.grabImage() != null) {
                decoded++;
            }
            out.put("decodedFrames", decoded);
            g.stop();
        }
        out.put("javacvBundle", FrameworkUtil.getBundle(FFmpegFrameGrabber.class).getSymbolicName());
        out.put("avutilVersion", new BytePointer(avutil.av_version_info()).getString());
        return out;
    }

    /** OpenCV (with OpenBLAS): a colour image to grey, and the number of non-zero pixels. */
    public static Map<String, Object> opencvGrey() {
        final Map<String, Object> out = new LinkedHashMap<>();
        try (Mat bgr = new Mat(10, 20, opencv_core.CV_8UC3, new Scalar(0, 0, 255, 0)); Mat grey = new Mat()) {
            bgr.rows(); // force the natives
            try (Mat black = new Mat(10, 5, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0))) {
                black.copyTo(bgr.colRange(0, 5));
            }
            opencv_imgproc.cvtColor(bgr, grey, opencv_imgproc.COLOR_BGR2GRAY);
            out.put("channels", grey.channels());
            out.put("nonZero", opencv_core.countNonZero(grey));
            out.put("grey", grey.ptr(0, 10).get() & 0xff);
        }
        out.put("opencvBundle", FrameworkUtil.getBundle(Mat.class).getSymbolicName());
        return out;
    }

    /** ONNX Runtime through DJL: the engine loads its natives from the library bundle. */
    public static Map<String, Object> onnxRuntime() throws Exception {
        return DjlRuntime.call(() -> {
            final Map<String, Object> out = new LinkedHashMap<>();
            final Engine engine = Engine.getEngine("OnnxRuntime");
            out.put("engine", engine.getEngineName());
            out.put("engineVersion", engine.getVersion());
            out.put("ortApiVersion", ai.onnxruntime.OrtEnvironment.getEnvironment().getVersion());
            return out;
        });
    }

    private static String bundleOf(final ClassLoader loader) {
        if (loader instanceof org.osgi.framework.BundleReference) {
            final Bundle b = ((org.osgi.framework.BundleReference)loader).getBundle();
            return b.getSymbolicName();
        }
        return String.valueOf(loader);
    }

    /** For the record: where the probe bundle itself came from. */
    public static String where() {
        final Path p = Paths.get(".").toAbsolutePath();
        return FrameworkUtil.getBundle(OsgiProbe.class).getSymbolicName() + " (cwd " + p + ")";
    }
}
