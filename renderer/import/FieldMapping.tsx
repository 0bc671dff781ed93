import { pick } from '../i18n/pick.ts';
import { useT } from '../i18n/use-t.ts';
import { setMapping } from './import-actions.ts';
import type { TargetField } from './import-model.ts';

interface Props {
  fields: readonly TargetField[];
  /** The source's field names. */
  sources: readonly string[];
  mapping: Record<string, string | null>;
}

/** Target field (label in the UI language) ← source field; prefilled with the guesses, every row editable. */
export function FieldMapping({ fields, sources, mapping }: Props) {
  const { t, lang } = useT();
  if (fields.length === 0) return <p className="hint">{t('import.noTargetFields')}</p>;
  return (
    <table className="field-mapping" data-testid="import-mapping">
      <thead>
        <tr>
          <th>{t('import.targetField')}</th>
          <th aria-hidden="true" />
          <th>{t('import.sourceField')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map((f) => {
          const label = pick(f.label, lang);
          return (
            <tr key={f.key}>
              <td>
                {label}
                {label !== f.key && <span className="muted"> ({f.key})</span>}
                {f.unit && <span className="muted"> · {pick(f.unit, lang)}</span>}
              </td>
              <td className="arrow" aria-hidden="true">←</td>
              <td>
                <select
                  value={mapping[f.key] ?? ''}
                  data-testid={`import-map-${f.key}`}
                  aria-label={t('import.sourceFor', { field: label })}
                  onChange={(e) => setMapping(f.key, e.target.value || null)}
                >
                  <option value="">{t('import.unmapped')}</option>
                  {sources.map((s) => <option key={s} value={s}>{s}</option>)}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
