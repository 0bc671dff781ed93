import { useApp } from '../app/state.ts';
import { useT } from '../i18n/use-t.ts';

/** The bottom bar: cursor position, zoom level, what the app is doing, how it runs. */
export function StatusBar() {
  const { t } = useT();
  const cursor = useApp((s) => s.cursor);
  const zoom = useApp((s) => s.zoom);
  const busy = useApp((s) => s.busy);
  const mode = useApp((s) => s.appInfo?.mode);
  const version = useApp((s) => s.appInfo?.version);
  return (
    <footer className="status-bar">
      <span className="status-coords" data-testid="status-coords">
        {cursor ? t('status.coords', { lng: cursor.lng.toFixed(5), lat: cursor.lat.toFixed(5) }) : t('status.noCoords')}
      </span>
      <span data-testid="status-zoom">{zoom !== null ? t('status.zoom', { zoom: zoom.toFixed(1) }) : ''}</span>
      <span className="status-crs">WGS 84 (EPSG:4326)</span>
      <span className="status-spacer" />
      {busy && <span className="status-busy" data-testid="status-busy">{t('common.working')}</span>}
      {mode && <span data-testid="status-mode">{t(`status.mode.${mode}`)}{version ? ` · v${version}` : ''}</span>}
    </footer>
  );
}
