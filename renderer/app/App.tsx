import { FeaturePanel } from '../feature/FeaturePanel.tsx';
import { LayerPanel } from '../layers/LayerPanel.tsx';
import { MapView } from '../map/MapView.tsx';
import { MenuBar } from '../menu/MenuBar.tsx';
import { Toolbar } from '../menu/Toolbar.tsx';
import { StatusBar } from '../status/StatusBar.tsx';
import { Dialogs } from './Dialogs.tsx';
import { useApp } from './state.ts';

/**
 * The window: menu bar (browser mode), toolbar, layer panel, map, feature panel, status bar. The feature
 * panel floats over the map's right edge, so opening it does not resize the map and shift what was clicked.
 */
export function App() {
  const browserMode = useApp((s) => s.appInfo?.mode === 'browser');
  const layerPanelOpen = useApp((s) => s.layerPanelOpen);
  const hasSelection = useApp((s) => s.selection !== null);
  return (
    <div className="app" data-testid="app">
      {browserMode && <MenuBar />}
      <Toolbar />
      <main className="workspace">
        {layerPanelOpen && <LayerPanel />}
        <div className="map-area">
          <MapView />
          {hasSelection && <FeaturePanel />}
        </div>
      </main>
      <StatusBar />
      <Dialogs />
    </div>
  );
}
