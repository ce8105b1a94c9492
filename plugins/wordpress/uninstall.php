<?php
/**
 * Deleting the plugin removes what it stored: its settings and the editor's cached catalogue.
 *
 * @package PatientBooking
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

delete_option( 'patient_booking_settings' );
delete_transient( 'patient_booking_catalogue' );
