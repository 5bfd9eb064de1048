// Wiring only: the store reads storage and talks to the background; components render it.
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { PopupApp } from '../../components/popup-app.js';
import { focusedAlertId } from '../../lib/extension/background/alert-page-url.js';
import { createPopupStore } from '../../lib/extension/popup-store.js';
import { sendRequest } from '../../lib/extension/send-request.js';
import { readStoredState, watchStoredState } from '../../lib/extension/storage/stored-state.js';
import '../../components/base.css';
import './popup.css';

const store = createPopupStore({ send: sendRequest, read: readStoredState, watch: watchStoredState });
createRoot(document.getElementById('root')!).render(<PopupApp store={store} openOptions={() => void browser.runtime.openOptionsPage()} focusAlertId={focusedAlertId(location.hash)} />);
