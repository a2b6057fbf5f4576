package io.egress.ui.timeline.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;

/** Saves what the timeline shows, at its on-screen size, as a PNG file. */
final class PngExport {
    private PngExport() {
    }

    static void save(TimelineCanvas timeline, String file) {
        Rectangle area = timeline.control().getClientArea();
        Image image = new Image(timeline.control().getDisplay(), Math.max(1, area.width), Math.max(1, area.height));
        try {
            GC gc = new GC(image);
            try {
                timeline.paintOn(gc, new Point(area.width, area.height));
            } finally {
                gc.dispose();
            }
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(file, SWT.IMAGE_PNG);
        } finally {
            image.dispose();
        }
    }
}
