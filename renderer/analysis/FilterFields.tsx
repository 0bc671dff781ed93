import { getKind } from '../../shared/layers/index.ts';
import { useApp } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';
import type { AnalysisDraft } from './draft-model.ts';
import { Field } from './Field.tsx';
import { patchDraft, toggleType } from './panel-actions.ts';
import type { DraftProblems } from './request-model.ts';

/** Type values split from typed text (、，, or ; between them). */
function splitValues(text: string): string[] {
  return [...new Set(text.split(/[、，,;；]/).map((v) => v.trim()).filter(Boolean))];
}

/** The type values to keep: the facility layer kind's known values as boxes, else typed. None: every type. */
function TypeFilter({ draft }: { draft: AnalysisDraft }) {
  const { t } = useT();
  const kindId = useApp((s) => s.project?.layers.find((l) => l.id === draft.layers.facilities)?.kind ?? 'generic');
  const known = getKind(kindId).fields.find((f) => f.key === '类型')?.values ?? [];
  const values = [...known, ...draft.types.filter((v) => !known.includes(v))];
  const hint = draft.types.length === 0 ? t('analysis.typesAll') : t('analysis.typesSome', { count: draft.types.length });
  return (
    <Field label={t('analysis.types')} field="types" hint={hint}>
      {values.length > 0 ? (
        <div className="type-chips" id="analysis-types">
          {values.map((value) => (
            <label key={value} className={`type-chip${draft.types.includes(value) ? ' on' : ''}`}>
              <input type="checkbox" checked={draft.types.includes(value)} data-testid={`analysis-type-${value}`} onChange={(e) => toggleType(value, e.target.checked)} />
              {value}
            </label>
          ))}
        </div>
      ) : (
        <input
          key={`${draft.preset}:${draft.layers.facilities}`}
          id="analysis-types"
          type="text"
          defaultValue={draft.types.join('、')}
          placeholder={t('analysis.typesPlaceholder')}
          data-testid="analysis-types-text"
          onChange={(e) => patchDraft({ types: splitValues(e.target.value) })}
        />
      )}
    </Field>
  );
}

/** Which facilities count (smallest area, types) and, walking, the street-side width. */
export function FilterFields({ draft, problems }: { draft: AnalysisDraft; problems: DraftProblems }) {
  const { t } = useT();
  return (
    <>
      <Field label={t('analysis.minArea')} field="minArea" problem={problems.minArea} hint={t('analysis.minAreaHint')}>
        <div className="unit-input">
          <input id="analysis-minArea" type="text" inputMode="decimal" value={draft.minArea} data-testid="analysis-min-area" onChange={(e) => patchDraft({ minArea: e.target.value })} />
          <span className="unit">m²</span>
        </div>
      </Field>
      <TypeFilter draft={draft} />
      {draft.mode === 'walk' && (
        <Field label={t('analysis.streetWidth')} field="streetWidth" problem={problems.streetWidth} hint={t('analysis.streetWidthHint')}>
          <div className="unit-input">
            <input id="analysis-streetWidth" type="text" inputMode="decimal" value={draft.streetWidth} data-testid="analysis-street-width" onChange={(e) => patchDraft({ streetWidth: e.target.value })} />
            <span className="unit">{t('analysis.metres')}</span>
          </div>
        </Field>
      )}
      {draft.mode === 'walk' && (
        <Field label={t('analysis.entranceTolerance')} field="entranceTolerance" problem={problems.entranceTolerance} hint={t('analysis.entranceToleranceHint')}>
          <div className="unit-input">
            <input id="analysis-entranceTolerance" type="text" inputMode="decimal" value={draft.entranceTolerance} data-testid="analysis-entrance-tolerance" onChange={(e) => patchDraft({ entranceTolerance: e.target.value })} />
            <span className="unit">{t('analysis.metres')}</span>
          </div>
        </Field>
      )}
    </>
  );
}
