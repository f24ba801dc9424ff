import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { findConclaveApi } from './api/conclave-api.js';
import { App } from './app/app.js';
import { OutsideConclave } from './home/outside-conclave.js';
import './styles/app.css';
import './styles/wizard.css';
import './styles/run.css';
import './styles/handoff.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
const api = findConclaveApi();
createRoot(root).render(<StrictMode>{api ? <App api={api} /> : <OutsideConclave />}</StrictMode>);
