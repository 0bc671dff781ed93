import { generic, type HeaderMeta } from 'flatgeobuf';
import { fieldKind } from '../gpkg/field-types.ts';
import type { SourceFieldType } from '../types.ts';

const { ColumnType } = generic;
type ColumnTypeValue = (typeof ColumnType)[keyof typeof ColumnType];

const INTEGER_TYPES: readonly ColumnTypeValue[] = [
  ColumnType.Byte, ColumnType.UByte, ColumnType.Short, ColumnType.UShort, ColumnType.Int, ColumnType.UInt, ColumnType.Long, ColumnType.ULong,
];

/** Our field type of a FlatGeobuf column type; binary columns have none (they are not read). */
export function fieldType(type: ColumnTypeValue): SourceFieldType | null {
  if (type === ColumnType.Bool) return 'BOOLEAN';
  if (INTEGER_TYPES.includes(type)) return 'INTEGER';
  if (type === ColumnType.Float || type === ColumnType.Double) return 'REAL';
  if (type === ColumnType.DateTime) return 'DATETIME';
  if (type === ColumnType.Binary) return null;
  return 'TEXT';
}

/** The readable columns of a header, typed. */
export function headerFields(header: HeaderMeta): { key: string; type: SourceFieldType }[] {
  return (header.columns ?? []).flatMap((c) => {
    const type = fieldType(c.type);
    return type ? [{ key: c.name, type }] : [];
  });
}

/** The FlatGeobuf column type to write for a field type (INTEGER as 32 or 64 bits as the values need). */
export function columnType(type: string, needs64Bits: boolean): ColumnTypeValue {
  switch (fieldKind(type)) {
    case 'INTEGER':
      return needs64Bits ? ColumnType.Long : ColumnType.Int;
    case 'REAL':
      return ColumnType.Double;
    case 'BOOLEAN':
      return ColumnType.Bool;
    case 'DATE':
    case 'DATETIME':
      return ColumnType.DateTime;
    default:
      return ColumnType.String;
  }
}
