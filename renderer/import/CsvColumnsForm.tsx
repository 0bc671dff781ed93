import { useState } from 'react';
import type { ImportOptions } from '../../shared/api/transfer.ts';
import { useT } from '../i18n/use-t.ts';
import { setImportOption } from './import-actions.ts';
import { guessCoordinateColumns } from './import-model.ts';

interface Props {
  columns: readonly string[];
  options: ImportOptions;
}

/** Which CSV columns hold the geometry: longitude and latitude (or x / y), or one WKT column. */
export function CsvColumnsForm({ columns, options }: Props) {
  const { t } = useT();
  const [guess] = useState(() => guessCoordinateColumns(columns));
  const [mode, setMode] = useState<'xy' | 'wkt'>(options.wkt || (!guess.x && guess.wkt) ? 'wkt' : 'xy');
  const [x, setX] = useState(options.x ?? guess.x ?? '');
  const [y, setY] = useState(options.y ?? guess.y ?? '');
  const [wkt, setWkt] = useState(options.wkt ?? guess.wkt ?? '');
  const ready = mode === 'xy' ? x && y && x !== y : wkt;
  const apply = () =>
    setImportOption(mode === 'xy' ? { x, y, wkt: undefined } : { wkt, x: undefined, y: undefined });
  const select = (value: string, set: (v: string) => void, testId: string, label: string) => (
    <label className="inline-field">
      <span>{label}</span>
      <select value={value} data-testid={testId} onChange={(e) => set(e.target.value)}>
        <option value="">{t('import.pickColumn')}</option>
        {columns.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
    </label>
  );
  return (
    <div className="csv-columns">
      <div className="radio-row">
        <label><input type="radio" checked={mode === 'xy'} onChange={() => setMode('xy')} /> {t('import.csvLonLat')}</label>
        <label><input type="radio" checked={mode === 'wkt'} onChange={() => setMode('wkt')} /> {t('import.csvWkt')}</label>
      </div>
      {mode === 'xy' ? (
        <>
          {select(x, setX, 'import-csv-x', t('import.lonColumn'))}
          {select(y, setY, 'import-csv-y', t('import.latColumn'))}
        </>
      ) : (
        select(wkt, setWkt, 'import-csv-wkt', t('import.wktColumn'))
      )}
      <button type="button" className="button" data-testid="import-csv-apply" disabled={!ready} onClick={apply}>
        {t('import.apply')}
      </button>
    </div>
  );
}
