<?php
/**
 * The plugin's one option (an array of four settings), its defaults and the checks every value
 * passes before it is saved or used.
 *
 * @package PatientBooking
 */

defined( 'ABSPATH' ) || exit;

const PATIENT_BOOKING_OPTION = 'patient_booking_settings';

/** The settings and their defaults: no backend yet, the page's language, the widget's light theme. */
function patient_booking_defaults(): array {
	return array(
		'backend_url' => '',
		'locale'      => '',
		'theme'       => 'light',
		'accent'      => '',
	);
}

/** The saved settings, each one present. */
function patient_booking_settings(): array {
	$saved = get_option( PATIENT_BOOKING_OPTION, array() );
	$saved = is_array( $saved ) ? array_intersect_key( $saved, patient_booking_defaults() ) : array();
	return array_merge( patient_booking_defaults(), $saved );
}

/** The widget's languages (its `locale` attribute); '' leaves the choice to the page. */
function patient_booking_locales(): array {
	return array(
		''   => __( 'The language of the page', 'patient-booking' ),
		'de' => 'Deutsch',
		'en' => 'English',
	);
}

/** The widget's themes (its `theme` attribute): light is its default, `auto` follows the visitor's system. */
function patient_booking_themes(): array {
	return array(
		'light' => __( 'Light', 'patient-booking' ),
		'dark'  => __( 'Dark', 'patient-booking' ),
		'auto'  => __( "The visitor's system setting", 'patient-booking' ),
	);
}

/**
 * How the widget shows (its `mode` attribute): in the page (the default), or a button that opens
 * it in a dialog, in the text or in the window's corner.
 */
function patient_booking_modes(): array {
	return array(
		''         => __( 'In the page', 'patient-booking' ),
		'popup'    => __( 'Button that opens a dialog', 'patient-booking' ),
		'floating' => __( 'Button in the corner of the window', 'patient-booking' ),
	);
}

/** `$value` if it is one of the keys of `$choices`, else ''. */
function patient_booking_choice( $value, array $choices ): string {
	$value = is_scalar( $value ) ? (string) $value : '';
	return array_key_exists( $value, $choices ) ? $value : '';
}

/** A catalogue id as the widget accepts it (letters, digits, `_`, `-`), else ''. */
function patient_booking_id( $value ): string {
	$value = is_scalar( $value ) ? trim( (string) $value ) : '';
	return 1 === preg_match( '/^[A-Za-z0-9_-]{1,64}$/', $value ) ? $value : '';
}

/** A colour as `#rrggbb` (or `#rgb`), else ''. */
function patient_booking_colour( $value ): string {
	$value = is_scalar( $value ) ? trim( (string) $value ) : '';
	return (string) sanitize_hex_color( $value );
}

/**
 * The backend's base URL, ending in `/`, without query or fragment; '' when it is not an
 * http(s) URL (the connection test says why in words).
 */
function patient_booking_backend_url( $value ): string {
	$value = is_scalar( $value ) ? trim( (string) $value ) : '';
	$parts = wp_parse_url( $value );
	if ( ! is_array( $parts ) || empty( $parts['host'] ) || ! in_array( strtolower( $parts['scheme'] ?? '' ), array( 'http', 'https' ), true ) ) {
		return '';
	}
	$url  = strtolower( $parts['scheme'] ) . '://' . $parts['host'];
	$url .= isset( $parts['port'] ) ? ':' . (int) $parts['port'] : '';
	$path = $parts['path'] ?? '/';
	$url .= '/' === substr( $path, -1 ) ? $path : $path . '/';
	return esc_url_raw( $url, array( 'http', 'https' ) );
}

/** The settings page's input, checked: what `register_setting` saves. */
function patient_booking_sanitize( $input ): array {
	$input   = is_array( $input ) ? $input : array();
	$typed   = is_scalar( $input['backend_url'] ?? '' ) ? trim( (string) ( $input['backend_url'] ?? '' ) ) : '';
	$backend = patient_booking_backend_url( $typed );
	if ( '' === $backend && '' !== $typed && function_exists( 'add_settings_error' ) ) {
		add_settings_error( PATIENT_BOOKING_OPTION, 'backend_url', __( 'The backend address must start with https:// (or http://); it was not saved.', 'patient-booking' ) );
		$backend = patient_booking_settings()['backend_url'];
	}
	return array( 'backend_url' => $backend ) + patient_booking_sanitize_looks( $input );
}

/** The language, theme and accent colour of the settings page's input, checked. */
function patient_booking_sanitize_looks( array $input ): array {
	return array(
		'locale' => patient_booking_choice( $input['locale'] ?? '', patient_booking_locales() ),
		'theme'  => patient_booking_choice( $input['theme'] ?? '', patient_booking_themes() ),
		'accent' => patient_booking_colour( $input['accent'] ?? '' ),
	);
}
