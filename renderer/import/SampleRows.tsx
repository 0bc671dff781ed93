import { useT } from '../i18n/use-t.ts';
import { EMPTY_VALUE } from '../feature/feature-rows.ts';

interface Props {
  fields: readonly { key: string; type: string }[];
  rows: readonly Record<string, string | number | boolean | null>[];
}

const SHOWN_ROWS = 5;

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  return String(value);
}

/** The first rows of attributes, as the file holds them (so a wrong encoding shows as garbled text). */
export function SampleRows({ fields, rows }: Props) {
  const { t } = useT();
  if (fields.length === 0) return <p className="muted">{t('import.noFields')}</p>;
  return (
    <div className="sample-rows" data-testid="import-sample-rows">
      <table>
        <thead>
          <tr>{fields.map((f) => <th key={f.key} title={f.type}>{f.key}</th>)}</tr>
        </thead>
        <tbody>
          {rows.slice(0, SHOWN_ROWS).map((row, i) => (
            <tr key={i}>{fields.map((f) => <td key={f.key}>{cell(row[f.key])}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
