package org.mnistspark.image;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * An image format whose decoder runs out of memory, as a real decoder can on a hostile file: files
 * starting with {@link #MAGIC}, readable once registered with ImageIO.
 */
final class ExhaustingReader extends ImageReader {
    static final byte[] MAGIC = "EXHAUST!".getBytes(StandardCharsets.US_ASCII);

    static final class Spi extends ImageReaderSpi {
        Spi() {
            vendorName = "mnist-spark tests";
            version = "1";
            names = new String[] {"exhausting"};
            inputTypes = new Class<?>[] {ImageInputStream.class};
        }

        @Override
        public boolean canDecodeInput(Object source) throws IOException {
            ImageInputStream in = (ImageInputStream) source;
            byte[] start = new byte[MAGIC.length];
            in.mark();
            try {
                return in.read(start) == start.length && Arrays.equals(start, MAGIC);
            } finally {
                in.reset();
            }
        }

        @Override
        public ImageReader createReaderInstance(Object extension) {
            return new ExhaustingReader(this);
        }

        @Override
        public String getDescription(Locale locale) {
            return "a format whose decoder runs out of memory";
        }

        /** Registers the format, runs {@code body}, and unregisters it. */
        static void registeredDuring(Runnable body) {
            Spi spi = new Spi();
            IIORegistry.getDefaultInstance().registerServiceProvider(spi, ImageReaderSpi.class);
            try {
                body.run();
            } finally {
                IIORegistry.getDefaultInstance().deregisterServiceProvider(spi, ImageReaderSpi.class);
            }
        }
    }

    private ExhaustingReader(ImageReaderSpi spi) {
        super(spi);
    }

    @Override
    public int getNumImages(boolean allowSearch) {
        return 1;
    }

    @Override
    public int getWidth(int imageIndex) {
        return 10;
    }

    @Override
    public int getHeight(int imageIndex) {
        return 10;
    }

    @Override
    public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) {
        return java.util.Collections.emptyIterator();
    }

    @Override
    public IIOMetadata getStreamMetadata() {
        return null;
    }

    @Override
    public IIOMetadata getImageMetadata(int imageIndex) {
        return null;
    }

    @Override
    public java.awt.image.BufferedImage read(int imageIndex, ImageReadParam param) {
        throw new OutOfMemoryError("Java heap space");
    }
}
