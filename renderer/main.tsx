import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createClient, onNativeMenuCommand } from './api/client.ts';
import { setClient } from './api/runtime.ts';
import { App } from './app/App.tsx';
import { startApp } from './files/project-actions.ts';
import { initI18n } from './i18n/i18n.ts';
import { handleMenuCommand } from './menu/handle-menu-command.ts';
import './styles/app.css';

initI18n();
setClient(createClient());
onNativeMenuCommand((cmd) => void handleMenuCommand(cmd));
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
void startApp();
