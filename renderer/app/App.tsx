import { AnalysisPanel } from '../analysis/AnalysisPanel.tsx';
import { FeaturePanel } from '../feature/FeaturePanel.tsx';
import { DropOverlay } from '../import/DropOverlay.tsx';
import { importStore } from '../import/import-store.ts';
import { LayerPanel } from '../layers/LayerPanel.tsx';
import { MapView } from '../map/MapView.tsx';
import { MenuBar } from '../menu/MenuBar.tsx';
import { Toolbar } from '../menu/Toolbar.tsx';
import { StatusBar } from '../status/StatusBar.tsx';
import { AttributeTablePanel } from '../table/AttributeTablePanel.tsx';
import { useStore } from './create-store.ts';
import { Dialogs } from './Dialogs.tsx';
import { useApp } from './state.ts';

/**
 * The window: menu bar (browser mode), toolbar, layer panel, map with the attribute table under it,
 * feature panel, status bar. The feature panel floats over the map's right edge, so opening it does not
 * resize the map and shift what was clicked. While the import dialog is open only the map stays usable
 * (to look at the file's features); the rest of the window is inert.
 */
export function App() {
  const browserMode = useApp((s) => s.appInfo?.mode === 'browser');
  const layerPanelOpen = useApp((s) => s.layerPanelOpen);
  const hasSelection = useApp((s) => s.selection !== null);
  const tableOpen = useApp((s) => s.tableOpen);
  const importing = useStore(importStore, (s) => s.open);
  return (
    <div className="app" data-testid="app">
      <div className="contents" inert={importing}>
        {browserMode && <MenuBar />}
        <Toolbar />
      </div>
      <main className="workspace">
        <div className="contents" inert={importing}>{layerPanelOpen && <LayerPanel />}</div>
        <div className="map-column">
          <div className="map-area">
            <MapView />
            {hasSelection && <FeaturePanel />}
          </div>
          <div className="contents" inert={importing}>{tableOpen && <AttributeTablePanel />}</div>
        </div>
        <div className="contents" inert={importing}><AnalysisPanel /></div>
      </main>
      <StatusBar />
      <Dialogs />
      <DropOverlay />
    </div>
  );
}
