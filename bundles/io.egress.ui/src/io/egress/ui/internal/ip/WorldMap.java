package io.egress.ui.internal.ip;

import java.util.Optional;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import io.egress.enrich.geo.GeoLocation;

/**
 * The map position as a dot on an equirectangular grid (no map tiles: Egress never fetches
 * anything to draw). Latitude and longitude lines every 30 degrees give the dot its place.
 */
final class WorldMap {
    private final Canvas canvas;
    private Optional<GeoLocation> location = Optional.empty();

    WorldMap(Composite parent) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.BORDER);
        canvas.addPaintListener(e -> paint(e.gc, canvas.getClientArea()));
    }

    Canvas control() {
        return canvas;
    }

    void show(Optional<GeoLocation> newLocation) {
        location = newLocation;
        canvas.redraw();
    }

    private void paint(GC gc, Rectangle r) {
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(r);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_GRAY));
        for (int lon = -180; lon <= 180; lon += 30) {
            int x = x(lon, r);
            gc.drawLine(x, r.y, x, r.y + r.height);
        }
        for (int lat = -90; lat <= 90; lat += 30) {
            int y = y(lat, r);
            gc.drawLine(r.x, y, r.x + r.width, y);
        }
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawLine(r.x, y(0, r), r.x + r.width, y(0, r));
        gc.drawLine(x(0, r), r.y, x(0, r), r.y + r.height);
        location.ifPresent(l -> {
            int x = x(l.longitude(), r);
            int y = y(l.latitude(), r);
            gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_RED));
            gc.fillOval(x - 5, y - 5, 10, 10);
            gc.drawText(String.format("%.2f, %.2f", l.latitude(), l.longitude()), Math.min(x + 8, r.width - 90), Math.max(y - 18, 0), true);
        });
    }

    private static int x(double lon, Rectangle r) {
        return r.x + (int) ((lon + 180) / 360 * (r.width - 1));
    }

    private static int y(double lat, Rectangle r) {
        return r.y + (int) ((90 - lat) / 180 * (r.height - 1));
    }
}
