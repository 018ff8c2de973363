import '@xyflow/react/dist/style.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { bridge, isElectron } from './bridge';
import { installKindColors } from './canvas/kindColors';
import { electronEnginePort } from './engine/electronPort';
import { setEnginePortFactory } from './engine/runtime';

// In Electron the engine is in main's compute window; listen for its port before anything
// else so that the handover cannot be missed. Web mode starts a Worker on first use. Either
// way a lost engine reaches the run session through the port (EngineClient.hostLost$).
if (isElectron) {
  const port = electronEnginePort(bridge);
  setEnginePortFactory(() => port);
}

installKindColors(document.documentElement.style);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
