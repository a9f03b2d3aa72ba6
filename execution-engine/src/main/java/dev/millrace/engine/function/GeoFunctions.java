package dev.millrace.engine.function;

import static dev.millrace.engine.function.Types.DOUBLE;
import static dev.millrace.engine.function.Types.STRING;
import static dev.millrace.engine.function.Types.sig;

import java.util.Locale;

/** GEO_DISTANCE: the great-circle (haversine) distance between two points on a spherical Earth. */
final class GeoFunctions {
  private static final double EARTH_RADIUS_KM = 6371.0;
  private static final double EARTH_RADIUS_MILES = 3959.0;

  private GeoFunctions() {}

  static void register(FunctionRegistry.Builder b) {
    b.scalar("GEO_DISTANCE", "The great-circle distance between two latitude/longitude points, in km "
            + "unless the unit 'MI'/'MILES' is given.")
        .add(sig(DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE),
            a -> distance((Double) a[0], (Double) a[1], (Double) a[2], (Double) a[3], EARTH_RADIUS_KM))
        .add(sig(DOUBLE, DOUBLE, DOUBLE, DOUBLE, DOUBLE, STRING),
            a -> distance((Double) a[0], (Double) a[1], (Double) a[2], (Double) a[3], radius((String) a[4])));
  }

  static double distance(double lat1, double lon1, double lat2, double lon2, double radius) {
    checkLatitude(lat1);
    checkLatitude(lat2);
    checkLongitude(lon1);
    checkLongitude(lon2);
    double deltaLat = Math.toRadians(lat2 - lat1);
    double deltaLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(deltaLat / 2), 2)
        + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(deltaLon / 2), 2);
    return 2 * radius * Math.asin(Math.sqrt(a));
  }

  private static double radius(String unit) {
    return switch (unit.toUpperCase(Locale.ROOT)) {
      case "KM", "KILOMETER", "KILOMETERS", "KILOMETRE", "KILOMETRES" -> EARTH_RADIUS_KM;
      case "MI", "MILE", "MILES" -> EARTH_RADIUS_MILES;
      default -> throw new IllegalArgumentException("GEO_DISTANCE unit must be KM or MILES, got '" + unit + "'");
    };
  }

  private static void checkLatitude(double latitude) {
    if (latitude < -90 || latitude > 90) {
      throw new IllegalArgumentException("Valid latitudes are between -90 and 90, got " + latitude);
    }
  }

  private static void checkLongitude(double longitude) {
    if (longitude < -180 || longitude > 180) {
      throw new IllegalArgumentException("Valid longitudes are between -180 and 180, got " + longitude);
    }
  }
}
