// Binds the popup store to the view and starts mirroring storage when the popup opens.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { PopupStore } from '../lib/extension/popup-store.js';
import { PopupView } from './popup-view.js';

export function PopupApp({ store, openOptions, focusAlertId = null }: { store: PopupStore; openOptions?: () => void; focusAlertId?: string | null }) {
  const state = useStore(store);
  useEffect(() => {
    void store.getState().init();
    return () => store.getState().dispose();
  }, [store]);
  return <PopupView {...state} openOptions={openOptions} focusAlertId={focusAlertId} />;
}
