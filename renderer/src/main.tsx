import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { findConclaveApi } from './api/conclave-api.js';
import { HomePage } from './home/home-page.js';
import { OutsideConclave } from './home/outside-conclave.js';
import './styles/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
const api = findConclaveApi();
createRoot(root).render(<StrictMode>{api ? <HomePage api={api} /> : <OutsideConclave />}</StrictMode>);
