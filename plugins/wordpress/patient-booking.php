<?php
/**
 * Plugin Name:       Patient Booking
 * Description:       Online appointment booking for medical practices: the patient-booking widget as a shortcode and a block, served by the practice's booking backend.
 * Version:           0.1.0
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       patient-booking
 * Domain Path:       /languages
 *
 * @package PatientBooking
 */

defined( 'ABSPATH' ) || exit;

define( 'PATIENT_BOOKING_VERSION', '0.1.0' );
define( 'PATIENT_BOOKING_DIR', __DIR__ );

require_once __DIR__ . '/includes/options.php';
require_once __DIR__ . '/includes/backend-client.php';
require_once __DIR__ . '/includes/connection-check.php';
require_once __DIR__ . '/includes/script.php';
require_once __DIR__ . '/includes/embed.php';
require_once __DIR__ . '/includes/shortcode.php';
require_once __DIR__ . '/includes/block.php';
require_once __DIR__ . '/includes/rest-catalogue.php';

if ( is_admin() ) {
	require_once __DIR__ . '/includes/settings-page.php';
}

// Before the block registers (also on init), so that its title and description are translated.
add_action(
	'init',
	static function () {
		load_plugin_textdomain( 'patient-booking', false, dirname( plugin_basename( __FILE__ ) ) . '/languages' );
	},
	0
);
