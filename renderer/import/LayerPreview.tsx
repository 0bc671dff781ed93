import { useT } from '../i18n/use-t.ts';
import { chooseImportLayer, setImportOption } from './import-actions.ts';
import { useImport } from './import-store.ts';
import { CrsPicker } from './CrsPicker.tsx';
import { CsvColumnsForm } from './CsvColumnsForm.tsx';
import { EncodingSelect } from './EncodingSelect.tsx';
import { ProblemList } from './ProblemList.tsx';
import { SampleRows } from './SampleRows.tsx';

/** The previewed layer: pick (when the file has several), count, geometry, CRS, encoding, rows, notes, problems. */
export function LayerPreview() {
  const { t } = useT();
  const preview = useImport((s) => s.preview);
  const layerIndex = useImport((s) => s.layerIndex);
  const options = useImport((s) => s.options);
  const layer = preview?.layers[layerIndex];
  if (!preview || !layer) return <p className="muted">{t('import.noLayers')}</p>;
  const csvColumns = options.x || options.wkt;
  return (
    <>
      <dl className="facts">
        {preview.layers.length > 1 && (
          <>
            <dt>{t('import.layer')}</dt>
            <dd>
              <select value={layerIndex} data-testid="import-layer-select" onChange={(e) => chooseImportLayer(Number(e.target.value))}>
                {preview.layers.map((l) => (
                  <option key={l.index} value={l.index}>{t('import.layerOption', { name: l.name, count: l.featureCount })}</option>
                ))}
              </select>
            </dd>
          </>
        )}
        <dt>{t('import.featureCount')}</dt>
        <dd data-testid="import-layer-count" data-count={layer.featureCount}>{t('import.features', { count: layer.featureCount })}</dd>
        <dt>{t('import.geometry')}</dt>
        <dd data-testid="import-geometry">{layer.geometryTypes.join(', ') || t('import.noGeometry')}</dd>
        <dt>{t('import.crs')}</dt>
        <dd>
          <CrsPicker inUse={layer.crs} candidates={layer.crsCandidates} value={options.crs} onPick={(crs) => setImportOption({ crs })} />
          {!layer.crs && <p className="hint warning-text">{t('import.crsUnknown')}</p>}
        </dd>
        <dt>{t('import.encoding')}</dt>
        <dd>
          <EncodingSelect value={options.encoding ?? ''} detected={layer.encoding} onPick={(encoding) => setImportOption({ encoding })} />
        </dd>
        {csvColumns && (
          <>
            <dt>{t('import.csvColumns')}</dt>
            <dd><CsvColumnsForm columns={layer.fields.map((f) => f.key)} options={options} /></dd>
          </>
        )}
      </dl>
      <p className="hint">{t('import.sampleHint')}</p>
      <SampleRows fields={layer.fields} rows={layer.sampleRows} />
      {layer.notes.length > 0 && (
        <ul className="import-notes" data-testid="import-notes">
          {layer.notes.map((note, i) => <li key={i}>{note}</li>)}
        </ul>
      )}
      <ProblemList problems={layer.problems} problemCount={layer.problemCount} invalidCount={layer.invalidCount} />
    </>
  );
}
