// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

/// @notice Minimal legacy AVSDirectory (pre-operator-set registrations: reward eligibility, no slashing).
///         Mainnet's registerOperatorToAVS needs an operator EIP-712 signature; on the devnet the AVS
///         simply records the status itself via devnetSetOperatorStatus.
contract AVSDirectory {
    enum OperatorAVSRegistrationStatus {
        UNREGISTERED,
        REGISTERED
    }

    mapping(address => mapping(address => OperatorAVSRegistrationStatus)) public avsOperatorStatus;

    event OperatorAVSRegistrationStatusUpdated(address indexed operator, address indexed avs, OperatorAVSRegistrationStatus status);
    event AVSMetadataURIUpdated(address indexed avs, string metadataURI);

    function updateAVSMetadataURI(string calldata metadataURI) external {
        emit AVSMetadataURIUpdated(msg.sender, metadataURI);
    }

    /// @notice DEVNET ONLY: the caller (an AVS) sets an operator's legacy registration status.
    function devnetSetOperatorStatus(address operator, OperatorAVSRegistrationStatus status) external {
        avsOperatorStatus[msg.sender][operator] = status;
        emit OperatorAVSRegistrationStatusUpdated(operator, msg.sender, status);
    }
}
