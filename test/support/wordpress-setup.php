<?php
/**
 * Installs a fresh WordPress site for the WordPress end-to-end test (run with php-cli, the site's
 * folder in WP_DIR): the site, the admin user, the default theme, the plugin activated, and the
 * pages given as JSON in argv[1] (`[{title, content}]`). Prints the pages' ids as JSON.
 */

define( 'WP_INSTALLING', true );
require getenv( 'WP_DIR' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$result = wp_install( 'Praxis am Stadtpark', 'admin', 'admin@example.com', true, '', 'admin-password' );
if ( is_wp_error( $result ) ) {
	fwrite( STDERR, $result->get_error_message() . "\n" );
	exit( 1 );
}
switch_theme( 'twentytwentythree' );
// Gravatar is on the internet, which the test machine cannot reach.
update_option( 'show_avatars', 0 );
$activated = activate_plugin( 'patient-booking/patient-booking.php' );
if ( is_wp_error( $activated ) ) {
	fwrite( STDERR, $activated->get_error_message() . "\n" );
	exit( 1 );
}
wp_set_current_user( 1 );
// The block editor opens without its welcome guide.
update_user_meta( 1, $wpdb->get_blog_prefix() . 'persisted_preferences', array( 'core/edit-post' => array( 'welcomeGuide' => false ), '_modified' => gmdate( 'c' ) ) );
$ids = array();
foreach ( json_decode( $argv[1], true ) as $page ) {
	$ids[] = wp_insert_post(
		array(
			'post_type'    => 'page',
			'post_status'  => 'publish',
			'post_title'   => $page['title'],
			'post_content' => $page['content'],
		)
	);
}
echo wp_json_encode( $ids );
