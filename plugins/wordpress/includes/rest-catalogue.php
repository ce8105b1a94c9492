<?php
/**
 * `GET /wp-json/patient-booking/v1/catalogue`: the practice's catalogue for the block editor's
 * dropdowns, fetched by this server from the booking backend (so the editor needs no CORS).
 * Only for users who may edit posts (the REST cookie nonce is checked by WordPress).
 *
 * @package PatientBooking
 */

defined( 'ABSPATH' ) || exit;

add_action(
	'rest_api_init',
	static function () {
		register_rest_route(
			'patient-booking/v1',
			'/catalogue',
			array(
				'methods'             => 'GET',
				'permission_callback' => static function () {
					return current_user_can( 'edit_posts' );
				},
				'callback'            => 'patient_booking_rest_catalogue',
			)
		);
	}
);

/** The catalogue, or a 502 that says why it is missing. */
function patient_booking_rest_catalogue() {
	$backend_url = patient_booking_settings()['backend_url'];
	if ( '' === $backend_url ) {
		return new WP_Error( 'patient_booking_no_backend', __( 'No booking backend is set up yet (Settings → Patient booking).', 'patient-booking' ), array( 'status' => 409 ) );
	}
	$catalogue = patient_booking_catalogue( $backend_url );
	if ( is_wp_error( $catalogue ) ) {
		return new WP_Error( 'patient_booking_backend', $catalogue->get_error_message(), array( 'status' => 502 ) );
	}
	return rest_ensure_response( $catalogue );
}
