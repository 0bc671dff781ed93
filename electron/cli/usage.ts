/** Thrown for a command line that does not fit: printed with the usage text, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const USAGE = `Usage: renewal-atlas <command> [options]

Commands:
  init FILE.gpkg [--demo|--empty] [--force]
        Create a project: the synthetic Jiaxing demo (default) or an empty one.
  layers FILE.gpkg [--json]
        List the layers of a project: id, kind, geometry, feature count, title.
  import FILE... --into P.gpkg [--layer TITLE] [--kind KIND] [--append LAYER]
         [--crs EPSG:4549|gcj02|bd09|WKT] [--encoding gbk] [--skip-invalid] [--no-attributes]
         [--x COL --y COL | --wkt COL] [--source-layer N]
        Import a GeoJSON, shapefile (.shp or .zip), GeoPackage, KML/KMZ, GPX, CSV/TSV or
        FlatGeobuf file into a project, reprojected to WGS84, in one transaction.
  export FILE.gpkg --layer NAME[,NAME...] --format geojson|gpkg|shapefile|csv|kml|flatgeobuf
         [--crs EPSG:4549] [--csv-geometry wkt|lonlat] [-o OUT] [--force]
        Write layers to a file (GeoJSON to standard output when -o is left out).
  analyze FILE.gpkg --preset green-5min|park-service|greenway-10min|parking-school-hospital|
         service-10min|life-15min [--mode straight|walk] [--plan before|after|all|compare]
         [--distance M | --minutes N] [--min-area M2] [--street-width M] [--entrance-tolerance M]
         [--facilities LAYER] [--targets LAYER] [--streets LAYER] [--districts LAYER]
         [--sites LAYER --k N] [--save [--name NAME]] [--json]
        Walking-distance coverage of residential land (and residents) by a standard's preset;
        compare: before and after the 2023 plan; --sites: the k best of the 拆/改 parcels to build on;
        --save: keep the run (figures and result layers) in the project.
  runs FILE.gpkg [--json]
        List the saved analysis runs: id, time, share, whether an input layer changed since (stale).
  runs export FILE.gpkg ID --format geojson|gpkg|csv -o OUT [--force]
        Write a run's result layers (GeoJSON: OUT-catchment.geojson, …; GeoPackage: layers + figures)
        or its figures per district and residential area (CSV).
  runs delete FILE.gpkg ID  |  runs rename FILE.gpkg ID NAME

Exit codes: 0 ok, 1 failure, 2 usage error or a choice needed (e.g. --crs, --x/--y),
            3 bad input file (not readable, damaged, wrong coordinates) or read-only project,
            4 output exists (use --force), 5 file or layer not found.`;
