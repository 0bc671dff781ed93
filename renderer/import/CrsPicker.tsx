import { useState } from 'react';
import { useT } from '../i18n/use-t.ts';
import { crsChoices } from './import-model.ts';
import { useImport } from './import-store.ts';

interface Props {
  /** The CRS in use (declared, or chosen), or null when unknown. */
  inUse: { id: string; name: string } | null;
  candidates: readonly { id: string; name: string }[];
  /** What the user gave (options.crs), if anything. */
  value: string | undefined;
  /** Open with the text field showing `value` (the typed CRS could not be used: let it be corrected). */
  startCustom?: boolean;
  onPick: (crs: string | undefined) => void;
}

const CUSTOM = '__custom';

/**
 * The source's CRS: the layer's candidates (WGS84 / GCJ-02 / BD-09 for data in China), the common list,
 * or any "EPSG:xxxx", WKT or proj4 text. Each choice previews again, redrawing the features on the map;
 * the host resolves typed text (every EPSG code) and the preview names the CRS in use below the field.
 */
export function CrsPicker({ inUse, candidates, value, startCustom = false, onPick }: Props) {
  const { t } = useT();
  const all = useImport((s) => s.crsList);
  const { suggested, others } = crsChoices(candidates, all, inUse);
  const [custom, setCustom] = useState(startCustom);
  const [text, setText] = useState(value ?? '');
  const selected = custom ? CUSTOM : (inUse?.id ?? '');
  return (
    <div className="crs-picker">
      <select
        value={selected}
        data-testid="import-crs-select"
        onChange={(e) => {
          const v = e.target.value;
          if (v === CUSTOM) return setCustom(true);
          setCustom(false);
          if (v) onPick(v);
        }}
      >
        {!inUse && <option value="">{t('import.crsChoose')}</option>}
        {suggested.length > 0 && (
          <optgroup label={t('import.crsSuggested')}>
            {suggested.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </optgroup>
        )}
        {others.length > 0 && (
          <optgroup label={t('import.crsAll')}>
            {others.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </optgroup>
        )}
        <option value={CUSTOM}>{t('import.crsCustom')}</option>
      </select>
      {custom && (
        <div className="crs-custom">
          <textarea
            rows={2}
            value={text}
            data-testid="import-crs-text"
            placeholder={t('import.crsCustomPlaceholder')}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="button" className="button" data-testid="import-crs-apply" disabled={!text.trim()} onClick={() => onPick(text.trim())}>
            {t('import.apply')}
          </button>
          {inUse && value && (
            <p className="hint" data-testid="import-crs-in-use" data-crs={inUse.id}>
              {t('import.crsInUse', { name: inUse.name, id: inUse.id })}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
