package org.mnistspark.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Doctored PNG files. */
public final class Pngs {
    private Pngs() {}

    /** A photo of blank paper: no ink at all. */
    public static byte[] blankPaper() throws IOException {
        BufferedImage paper = new BufferedImage(120, 90, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = paper.createGraphics();
        g.setColor(new Color(235, 235, 235));
        g.fillRect(0, 0, 120, 90);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(paper, "png", out);
        return out.toByteArray();
    }

    /** The same PNG with its header claiming width × height pixels, its checksum made valid again. */
    public static byte[] declaringSize(byte[] png, int width, int height) {
        byte[] doctored = png.clone();
        ByteBuffer header = ByteBuffer.wrap(doctored);
        header.putInt(16, width).putInt(20, height);
        CRC32 crc = new CRC32();
        crc.update(doctored, 12, 17); // "IHDR" and its 13 bytes of data
        header.putInt(29, (int) crc.getValue());
        return doctored;
    }
}
