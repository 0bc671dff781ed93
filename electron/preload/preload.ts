// The sandboxed preload: it may only require 'electron', so the build bundles everything else in.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { buildBridge } from './bridge.ts';

contextBridge.exposeInMainWorld('renewalAtlas', buildBridge(ipcRenderer, (file) => webUtils.getPathForFile(file)));
