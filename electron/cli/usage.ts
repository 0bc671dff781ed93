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
  export FILE.gpkg --layer NAME --format geojson [-o OUT]
        Write one layer as GeoJSON (RFC 7946, WGS84) to OUT, or to standard output.

Exit codes: 0 ok, 1 failure, 2 usage error, 3 not a GeoPackage / damaged / read-only,
            4 output exists (use --force), 5 file or layer not found.`;
