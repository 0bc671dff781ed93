/** Codes of errors a user can act on; the UI translates each (i18n key `errors.<code>`). */
export type AtlasErrorCode =
  | 'not_found'
  | 'not_a_geopackage'
  | 'corrupt_file'
  | 'read_only'
  | 'file_exists'
  | 'invalid_argument'
  | 'no_project'
  | 'unsupported'
  | 'io_error'
  /** A data file is broken: says which file and, where known, which feature or field. */
  | 'invalid_file'
  /** A file of a format we do not read (or a zip without anything we read). */
  | 'unsupported_format'
  /** The import needs a choice from the user (CRS, lon/lat columns, consent to drop attributes). */
  | 'needs_input'
  /** Coordinates that cannot be right for the chosen CRS (e.g. projected metres read as degrees). */
  | 'bad_coordinates'
  | 'cancelled'
  | 'internal';

/**
 * One parameter of an error: a name, number or a list of names (e.g. the columns a CSV has, for the
 * UI to offer). Plain data, so it crosses IPC (structured clone) and HTTP (JSON) unchanged.
 */
export type AtlasErrorParam = string | number | readonly string[];

/** An error's parameters by name ({ file, layer, columns: [...] }). */
export type AtlasErrorParams = Record<string, AtlasErrorParam>;

/** A structured error that crosses the API boundary: a code, readable English text and its parameters. */
export interface AtlasErrorData {
  code: AtlasErrorCode;
  message: string;
  params?: AtlasErrorParams;
}

/** An error with a message a user can read, naming what is wrong and where (file, layer, field). */
export class AtlasError extends Error {
  readonly code: AtlasErrorCode;
  readonly params: AtlasErrorParams;

  constructor(code: AtlasErrorCode, message: string, params: AtlasErrorParams = {}) {
    super(message);
    this.name = 'AtlasError';
    this.code = code;
    this.params = params;
  }

  toData(): AtlasErrorData {
    return { code: this.code, message: this.message, params: this.params };
  }

  static from(data: AtlasErrorData): AtlasError {
    return new AtlasError(data.code, data.message, data.params ?? {});
  }
}

/** A list parameter (e.g. `columns`) as strings: an array as it is, else an empty list. */
export function listParam(value: AtlasErrorParam | undefined): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

/** Any thrown value as error data fit for the wire. */
export function toErrorData(err: unknown): AtlasErrorData {
  if (err instanceof AtlasError) return err.toData();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message };
}
