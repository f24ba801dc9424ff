/**
 * The preload of the main window. It exposes exactly one object, `conclave`:
 * one function per channel of the IPC contract and `on` for its events —
 * never ipcRenderer, never an IPC event object. The window is sandboxed, so
 * this file is bundled to one CommonJS file (renderer/build/preload-bundle.ts):
 * a sandboxed preload can require only 'electron', and cannot be an ES module.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { apiShape, buildConclaveApi } from '../../shared/ipc/api-shape.js';
import { ipcTransport } from './ipc-transport.js';

contextBridge.exposeInMainWorld('conclave', buildConclaveApi(apiShape(), ipcTransport(ipcRenderer)));
