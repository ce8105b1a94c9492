<?php
/**
 * "Test the connection": asks the booking backend for its `config`, the widget's script and a
 * catalogue list, as this site's pages would, and says in one sentence what works or what is
 * wrong.
 *
 * @package PatientBooking
 */

defined( 'ABSPATH' ) || exit;

/**
 * Checks the backend at `$input` (as typed on the settings page).
 *
 * @return array{ok: bool, message: string}
 */
function patient_booking_check_connection( string $input ): array {
	$input = trim( $input );
	if ( '' === $input ) {
		return patient_booking_check_failed( __( 'Enter the address of the booking backend, for example https://clinic.example/pb/.', 'patient-booking' ) );
	}
	$url = patient_booking_backend_url( $input );
	if ( '' === $url ) {
		/* translators: %s: the address as typed */
		return patient_booking_check_failed( sprintf( __( '"%s" is not a web address: it must start with https:// (for example https://clinic.example/pb/).', 'patient-booking' ), $input ) );
	}
	$host     = (string) wp_parse_url( $url, PHP_URL_HOST );
	$port     = wp_parse_url( $url, PHP_URL_PORT );
	$place    = $port ? $host . ':' . $port : $host;
	$response = patient_booking_get( $url . 'config' );
	if ( is_wp_error( $response ) ) {
		return patient_booking_check_failed( patient_booking_unreachable( $response, $place ) );
	}
	$problem = patient_booking_config_problem( $response, $url, $place );
	if ( null !== $problem ) {
		return patient_booking_check_failed( $problem );
	}
	$script = patient_booking_get( $url . 'patient-booking.js' );
	if ( is_wp_error( $script ) || 200 !== (int) wp_remote_retrieve_response_code( $script ) ) {
		return patient_booking_check_failed( __( 'The backend answers, but does not serve the widget (patient-booking.js): build the widget or check the backend\'s WIDGET_DIR.', 'patient-booking' ) );
	}
	$insurances = patient_booking_list( $url, 'insurances' );
	if ( is_wp_error( $insurances ) ) {
		$status = (int) ( $insurances->get_error_data()['status'] ?? 0 );
		if ( 0 === $status ) {
			return patient_booking_check_failed( patient_booking_unreachable( $insurances, $place ) );
		}
		// The backend's `config` is public; its API is where a foreign site is refused.
		if ( 403 === $status && 'origin_not_allowed' === ( $insurances->get_error_data()['error'] ?? '' ) ) {
			/* translators: %s: this site's origin */
			return patient_booking_check_failed( sprintf( __( 'The backend refuses pages of this site: add %s to the backend\'s ALLOWED_ORIGINS.', 'patient-booking' ), patient_booking_site_origin() ) );
		}
		/* translators: %d: an HTTP status code */
		return patient_booking_check_failed( sprintf( __( 'The backend answers, but the practice\'s portal does not give it the catalogue (HTTP %d). Check the backend\'s PORTAL_URL, CLIENT_ID and CLIENT_SECRET.', 'patient-booking' ), $status ) );
	}
	$message = sprintf(
		/* translators: %d: how many insurances the practice's catalogue lists */
		_n( 'Connected: the backend answers and the practice\'s catalogue lists %d insurance.', 'Connected: the backend answers and the practice\'s catalogue lists %d insurances.', count( $insurances ), 'patient-booking' ),
		count( $insurances )
	);
	if ( 'http' === wp_parse_url( $url, PHP_URL_SCHEME ) && ! patient_booking_is_local( $host ) ) {
		$message .= ' ' . __( 'But the address starts with http://: patients\' data would travel unencrypted. Use https://.', 'patient-booking' );
	}
	return array(
		'ok'      => true,
		'message' => $message,
	);
}

/** A failed check's result. */
function patient_booking_check_failed( string $message ): array {
	return array(
		'ok'      => false,
		'message' => $message,
	);
}

/** Whether `$host` is this computer (where plain http is fine for a test). */
function patient_booking_is_local( string $host ): bool {
	return in_array( strtolower( $host ), array( 'localhost', '127.0.0.1', '[::1]', '::1' ), true );
}

/** Why no answer came, in words (from the HTTP library's error). */
function patient_booking_unreachable( WP_Error $error, string $place ): string {
	$detail = $error->get_error_message();
	if ( false !== stripos( $detail, 'resolve' ) ) {
		/* translators: %s: a host name */
		return sprintf( __( 'The host name %s is not known: check the spelling of the address.', 'patient-booking' ), $place );
	}
	if ( false !== stripos( $detail, 'timed out' ) ) {
		/* translators: %s: host and port */
		return sprintf( __( '%s did not answer within 5 seconds: the backend is not running or a firewall drops the connection.', 'patient-booking' ), $place );
	}
	if ( false !== stripos( $detail, 'SSL' ) || false !== stripos( $detail, 'certificate' ) ) {
		/* translators: %s: host and port */
		return sprintf( __( 'The HTTPS certificate of %s is not valid (expired, self-signed or for another name).', 'patient-booking' ), $place );
	}
	if ( false !== stripos( $detail, 'connect' ) || false !== stripos( $detail, 'refused' ) ) {
		/* translators: %s: host and port */
		return sprintf( __( 'Nothing answers at %s: the booking backend is not running there, or a firewall blocks this server.', 'patient-booking' ), $place );
	}
	/* translators: 1: host and port, 2: the HTTP library's error message */
	return sprintf( __( '%1$s could not be reached: %2$s', 'patient-booking' ), $place, $detail );
}

/** What is wrong with the backend's answer to `config`, in words; null when it is a backend's. */
function patient_booking_config_problem( $response, string $url, string $place ): ?string {
	$status   = (int) wp_remote_retrieve_response_code( $response );
	$body     = patient_booking_json( $response );
	$location = (string) wp_remote_retrieve_header( $response, 'location' );
	if ( $status >= 300 && $status < 400 && 'https://' . substr( $url, 7 ) . 'config' === $location ) {
		return __( 'The backend redirects to https://: enter its address with https://.', 'patient-booking' );
	}
	if ( 403 === $status && 'origin_not_allowed' === ( $body['error'] ?? '' ) ) {
		/* translators: %s: this site's origin */
		return sprintf( __( 'The backend refuses pages of this site: add %s to the backend\'s ALLOWED_ORIGINS.', 'patient-booking' ), patient_booking_site_origin() );
	}
	if ( 404 === $status || ( $status >= 300 && $status < 400 ) ) {
		/* translators: 1: host and port, 2: the address tested */
		return sprintf( __( '%1$s answers, but there is no booking backend at %2$s. Check the path: it is the folder of patient-booking.js, for example https://clinic.example/pb/.', 'patient-booking' ), $place, $url );
	}
	if ( 200 !== $status ) {
		/* translators: %d: an HTTP status code */
		return sprintf( __( 'The backend answered with HTTP %d: see its log.', 'patient-booking' ), $status );
	}
	if ( ! isset( $body['practice'] ) || ! array_key_exists( 'login', $body ) ) {
		/* translators: 1: host and port */
		return sprintf( __( '%1$s answers, but it is not a booking backend: its "config" is not the widget\'s configuration.', 'patient-booking' ), $place );
	}
	return null;
}
