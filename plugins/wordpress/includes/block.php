<?php
/**
 * The block "Patient booking" (`patient-booking/booking`): the same options as the shortcode,
 * chosen in the editor's sidebar (the catalogue's from dropdowns), rendered on the server by the
 * shortcode's code. The editor script needs no build step: it uses WordPress's globals.
 *
 * @package PatientBooking
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'init',
	static function () {
		wp_register_script(
			'patient-booking-editor',
			plugins_url( 'block/editor.js', PATIENT_BOOKING_DIR . '/patient-booking.php' ),
			array( 'wp-blocks', 'wp-element', 'wp-components', 'wp-block-editor', 'wp-api-fetch' ),
			PATIENT_BOOKING_VERSION,
			true
		);
		register_block_type(
			PATIENT_BOOKING_DIR . '/block',
			array( 'render_callback' => 'patient_booking_render_block' )
		);
	}
);

add_action(
	'enqueue_block_editor_assets',
	static function () {
		wp_add_inline_script( 'patient-booking-editor', 'window.patientBookingEditor = ' . wp_json_encode( patient_booking_editor_data() ) . ';', 'before' );
	}
);

/** The block's markup: the embed in the block's wrapper (alignment, custom class). */
function patient_booking_render_block( $attributes ): string {
	$attributes = is_array( $attributes ) ? $attributes : array();
	$embed      = patient_booking_embed(
		array(
			'locale'       => $attributes['locale'] ?? '',
			'theme'        => $attributes['theme'] ?? '',
			'accent'       => $attributes['accent'] ?? '',
			'insurance_id' => $attributes['insuranceId'] ?? '',
			'category_id'  => $attributes['categoryId'] ?? '',
			'type_id'      => $attributes['typeId'] ?? '',
			'mode'         => $attributes['mode'] ?? '',
		)
	);
	return '' === $embed ? '' : '<div ' . get_block_wrapper_attributes() . '>' . $embed . '</div>';
}

/** What the editor script needs: its words (translated here) and the choices without a catalogue. */
function patient_booking_editor_data(): array {
	// In a block, the empty choice is the settings page's.
	$pairs = static function ( array $choices ): array {
		$choices[''] = __( 'As on the settings page', 'patient-booking' );
		$list        = array();
		foreach ( $choices as $value => $label ) {
			$list[] = array(
				'value' => (string) $value,
				'label' => $label,
			);
		}
		return $list;
	};
	return array(
		'locales' => $pairs( patient_booking_locales() ),
		'themes'  => $pairs( patient_booking_themes() ),
		'modes'   => $pairs( patient_booking_modes() ),
		'text'    => array(
			'title'     => __( 'Online appointment booking', 'patient-booking' ),
			'settings'  => __( 'Booking', 'patient-booking' ),
			'language'  => __( 'Language', 'patient-booking' ),
			'theme'     => __( 'Theme', 'patient-booking' ),
			'mode'      => __( 'Shown as', 'patient-booking' ),
			'accent'    => __( 'Accent colour', 'patient-booking' ),
			'insurance' => __( 'Insurance', 'patient-booking' ),
			'category'  => __( 'Appointment category', 'patient-booking' ),
			'type'      => __( 'Appointment type', 'patient-booking' ),
			'any'       => __( 'The patient chooses', 'patient-booking' ),
			'loading'   => __( 'Loading the practice\'s catalogue…', 'patient-booking' ),
			'preview'   => __( 'The booking widget appears here on the published page.', 'patient-booking' ),
		),
	);
}
