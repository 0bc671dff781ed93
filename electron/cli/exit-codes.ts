import type { AtlasErrorCode } from '../../shared/api/errors.ts';

/** Exit codes scripts can rely on (also listed in the README). */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  badFile: 3,
  exists: 4,
  notFound: 5,
} as const;

/** The exit code for an error of the data layer. */
export function exitCodeFor(code: AtlasErrorCode): number {
  switch (code) {
    case 'not_a_geopackage':
    case 'corrupt_file':
    case 'unsupported':
    case 'read_only':
    case 'invalid_file':
    case 'unsupported_format':
    case 'bad_coordinates':
      return EXIT.badFile;
    case 'needs_input':
      return EXIT.usage;
    case 'file_exists':
      return EXIT.exists;
    case 'not_found':
      return EXIT.notFound;
    case 'invalid_argument':
      return EXIT.usage;
    default:
      return EXIT.failure;
  }
}
