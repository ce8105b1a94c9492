// The block's editor: a placeholder in the content and the options in the sidebar. Plain
// WordPress globals, no build step; the words come translated from PHP (window.patientBookingEditor)
// and the catalogue from the plugin's REST route (this site's server asks the booking backend).
(function (wp, data) {
  const { createElement: h, useEffect, useState } = wp.element;
  const { InspectorControls, useBlockProps } = wp.blockEditor;
  const { PanelBody, SelectControl, ColorPalette, BaseControl, Placeholder, Notice } =
    wp.components;
  const t = data.text;

  /** The catalogue once per editor: `{insurances, categories, types}`, or `{error}`. */
  let catalogue = null;
  function loadCatalogue() {
    catalogue =
      catalogue ||
      wp
        .apiFetch({ path: '/patient-booking/v1/catalogue' })
        .catch((error) => ({ error: (error && error.message) || String(error) }));
    return catalogue;
  }

  function useCatalogue() {
    const [value, setValue] = useState(null);
    useEffect(() => {
      let live = true;
      loadCatalogue().then((result) => live && setValue(result));
      return () => {
        live = false;
      };
    }, []);
    return value;
  }

  /** Dropdown options: "the patient chooses" first, then the catalogue's items. */
  const options = (items) => [
    { value: '', label: t.any },
    ...items.map((item) => ({ value: item.id, label: item.name })),
  ];

  function CatalogueControls({ attributes, setAttributes, loaded }) {
    if (!loaded) return h('p', null, t.loading);
    if (loaded.error) return h(Notice, { status: 'error', isDismissible: false }, loaded.error);
    const types = loaded.types.filter(
      (type) => !attributes.categoryId || type.categoryId === attributes.categoryId,
    );
    return [
      h(SelectControl, {
        key: 'insurance',
        label: t.insurance,
        value: attributes.insuranceId,
        options: options(loaded.insurances),
        onChange: (insuranceId) => setAttributes({ insuranceId }),
      }),
      h(SelectControl, {
        key: 'category',
        label: t.category,
        value: attributes.categoryId,
        options: options(loaded.categories),
        onChange: (categoryId) => setAttributes({ categoryId, typeId: '' }),
      }),
      h(SelectControl, {
        key: 'type',
        label: t.type,
        value: attributes.typeId,
        options: options(types),
        onChange: (typeId) => setAttributes({ typeId }),
      }),
    ];
  }

  function Edit({ attributes, setAttributes }) {
    const loaded = useCatalogue();
    const name = (list, id) => {
      const item = loaded && !loaded.error && loaded[list].find((entry) => entry.id === id);
      return item ? item.name : id;
    };
    const chosen = [
      attributes.insuranceId && name('insurances', attributes.insuranceId),
      attributes.categoryId && name('categories', attributes.categoryId),
      attributes.typeId && name('types', attributes.typeId),
    ].filter(Boolean);
    return h(
      'div',
      useBlockProps(),
      h(
        InspectorControls,
        null,
        h(
          PanelBody,
          { title: t.settings },
          h(CatalogueControls, { attributes, setAttributes, loaded }),
          h(SelectControl, {
            label: t.language,
            value: attributes.locale,
            options: data.locales,
            onChange: (locale) => setAttributes({ locale }),
          }),
          h(SelectControl, {
            label: t.theme,
            value: attributes.theme,
            options: data.themes,
            onChange: (theme) => setAttributes({ theme }),
          }),
          h(SelectControl, {
            label: t.mode,
            value: attributes.mode,
            options: data.modes,
            onChange: (mode) => setAttributes({ mode }),
          }),
          h(
            BaseControl,
            { id: 'patient-booking-accent', label: t.accent },
            h(ColorPalette, {
              colors: [],
              value: attributes.accent || undefined,
              onChange: (accent) => setAttributes({ accent: accent || '' }),
            }),
          ),
        ),
      ),
      h(
        Placeholder,
        { icon: 'calendar-alt', label: t.title, instructions: t.preview },
        chosen.length ? h('p', null, chosen.join(' · ')) : null,
      ),
    );
  }

  wp.blocks.registerBlockType('patient-booking/booking', {
    edit: Edit,
    save: () => null,
  });
})(window.wp, window.patientBookingEditor);
