<?php
/**
 * Settings → Patient booking: the backend's address, the default language, theme and accent
 * colour, and "Test the connection", which checks the address as typed (the same form, posted to
 * this page instead of options.php, with the form's nonce) without saving it.
 *
 * @package PatientBooking
 */

defined( 'ABSPATH' ) || exit;

const PATIENT_BOOKING_PAGE = 'patient-booking';

add_action(
	'admin_init',
	static function () {
		register_setting(
			'patient_booking',
			PATIENT_BOOKING_OPTION,
			array(
				'type'              => 'array',
				'sanitize_callback' => 'patient_booking_sanitize',
				'default'           => patient_booking_defaults(),
			)
		);
	}
);

add_action(
	'admin_menu',
	static function () {
		add_options_page(
			__( 'Patient booking', 'patient-booking' ),
			__( 'Patient booking', 'patient-booking' ),
			'manage_options',
			PATIENT_BOOKING_PAGE,
			'patient_booking_settings_page'
		);
	}
);

add_filter(
	'plugin_action_links_' . plugin_basename( PATIENT_BOOKING_DIR . '/patient-booking.php' ),
	static function ( $links ) {
		$url = admin_url( 'options-general.php?page=' . PATIENT_BOOKING_PAGE );
		array_unshift( $links, '<a href="' . esc_url( $url ) . '">' . esc_html__( 'Settings', 'patient-booking' ) . '</a>' );
		return $links;
	}
);

/**
 * The result of "Test the connection" when this request is one, with the values as typed (they
 * stay in the form); null otherwise.
 */
function patient_booking_connection_test(): ?array {
	if ( ! isset( $_POST['patient_booking_test'] ) ) {
		return null;
	}
	check_admin_referer( 'patient_booking-options' );
	$typed = isset( $_POST[ PATIENT_BOOKING_OPTION ] ) && is_array( $_POST[ PATIENT_BOOKING_OPTION ] )
		? wp_unslash( $_POST[ PATIENT_BOOKING_OPTION ] ) // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- each value is checked below.
		: array();
	$url = sanitize_text_field( $typed['backend_url'] ?? '' );
	return array(
		'result'   => patient_booking_check_connection( $url ),
		// Shown again as typed; nothing is saved.
		'settings' => array( 'backend_url' => $url ) + patient_booking_sanitize_looks( $typed ),
	);
}

/** The page. */
function patient_booking_settings_page(): void {
	if ( ! current_user_can( 'manage_options' ) ) {
		wp_die( esc_html__( 'You may not change these settings.', 'patient-booking' ) );
	}
	$test     = patient_booking_connection_test();
	$settings = $test ? $test['settings'] : patient_booking_settings();
	$name     = static function ( string $key ): string {
		return PATIENT_BOOKING_OPTION . '[' . $key . ']';
	};
	require_once PATIENT_BOOKING_DIR . '/includes/settings-catalogue.php';
	require PATIENT_BOOKING_DIR . '/includes/settings-form.php';
}
