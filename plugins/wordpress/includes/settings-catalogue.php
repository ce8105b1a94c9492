<?php
/**
 * The settings page's list of the practice's ids (categories with their appointment types, and
 * insurances), for writing shortcodes; nothing when the backend is not set up or not reachable
 * ("Test the connection" says why).
 *
 * @package PatientBooking
 */

defined( 'ABSPATH' ) || exit;

/** Prints the ids of the catalogue at `$backend_url`. */
function patient_booking_print_catalogue( string $backend_url ): void {
	$catalogue = '' === $backend_url ? null : patient_booking_catalogue( $backend_url );
	if ( ! is_array( $catalogue ) ) {
		return;
	}
	$named = static function ( array $item ): string {
		return $item['name'] . ' (' . $item['id'] . ')';
	};
	echo '<h2>' . esc_html__( 'The practice\'s ids for the shortcode', 'patient-booking' ) . '</h2>';
	echo '<table class="widefat striped patient-booking-ids"><thead><tr>';
	echo '<th scope="col">' . esc_html__( 'Appointment category', 'patient-booking' ) . ' (category_id)</th>';
	echo '<th scope="col">' . esc_html__( 'Appointment types', 'patient-booking' ) . ' (type_id)</th>';
	echo '</tr></thead><tbody>';
	foreach ( $catalogue['categories'] as $category ) {
		$types = array_filter(
			$catalogue['types'],
			static function ( array $type ) use ( $category ): bool {
				return $type['categoryId'] === $category['id'];
			}
		);
		echo '<tr><td>' . esc_html( $named( $category ) ) . '</td>';
		echo '<td>' . esc_html( implode( ', ', array_map( $named, $types ) ) ) . '</td></tr>';
	}
	echo '</tbody></table>';
	echo '<p>' . esc_html__( 'Insurances', 'patient-booking' ) . ' (insurance_id): ';
	echo esc_html( implode( ', ', array_map( $named, $catalogue['insurances'] ) ) ) . '</p>';
}
