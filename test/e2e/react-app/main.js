// A small React 19 app with two widgets: the @lit/react wrapper (`patient-booking/react`, for
// React ≤ 18) and the element itself, which React 19 passes its props and `on…` listeners to.
// Each shows the step its widget last reported, through React state.
import { createElement as h, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { PatientBooking } from 'patient-booking/react';

const backend = new URL('/dist/', location.href).href;

function App() {
  const [wrapped, setWrapped] = useState('none');
  const [native, setNative] = useState('none');
  return h(
    'main',
    null,
    h('p', { id: 'wrapped-step' }, `wrapper: ${wrapped}`),
    h(PatientBooking, {
      id: 'wrapped',
      backend,
      locale: 'en',
      onBookingStepChange: (event) => setWrapped(event.detail.step),
    }),
    h('p', { id: 'native-step' }, `element: ${native}`),
    h('patient-booking', {
      id: 'native',
      backend,
      locale: 'en',
      'insurance-id': '136',
      'onbooking-step-change': (event) => setNative(event.detail.step),
    }),
  );
}

createRoot(document.getElementById('root')).render(h(App));
