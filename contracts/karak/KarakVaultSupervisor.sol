// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {AddrSet, Sets} from "../lib/Sets.sol";
import {KarakVaultV1} from "./KarakVaultV1.sol";

/// @notice Karak V1 VaultSupervisor with the deployed ABI (reference §3.8 VaultSupervisorV1, §6.3):
///         deposits are credited to the staker inside the supervisor (the V1 vault mints its shares to
///         the supervisor); gimmieShares/returnShares move credited shares out to / back from the
///         staker as ERC-20. Simplifications: the owner deploys vaults directly (no beacon proxies),
///         no deposit limits, no pausing; depositWithSignature reverts NotImplemented.
contract KarakVaultSupervisor {
    using Sets for AddrSet;

    address public immutable owner;
    address public delegationSupervisor;
    AddrSet internal vaults;
    mapping(address => AddrSet) internal stakerVaults;
    mapping(address => mapping(address => uint256)) public stakerShares;

    struct Signature {
        uint8 v;
        bytes32 r;
        bytes32 s;
    }

    event NewVault(address indexed vault);
    event GaveShares(address indexed staker, address indexed vault, address shareToken, uint256 shares);
    event ReturnedShares(address indexed staker, address indexed vault, address shareToken, uint256 shares);

    error NotOwner();
    error NotDelegationSupervisor();
    error AlreadyInitialized();
    error UnknownVault();
    error NotEnoughShares();
    error NotImplemented();
    error TransferFailed();

    constructor() {
        owner = msg.sender;
    }

    function setDelegationSupervisor(address ds) external {
        if (msg.sender != owner) revert NotOwner();
        if (delegationSupervisor != address(0)) revert AlreadyInitialized();
        delegationSupervisor = ds;
    }

    function deployVault(address asset, string calldata name, string calldata symbol) external returns (address vault) {
        if (msg.sender != owner) revert NotOwner();
        vault = address(new KarakVaultV1(asset, name, symbol));
        vaults.add(vault);
        emit NewVault(vault);
    }

    function deposit(address vault, uint256 amount, uint256 minSharesOut) public returns (uint256 shares) {
        if (!vaults.contains(vault)) revert UnknownVault();
        shares = KarakVaultV1(vault).deposit(amount, msg.sender);
        if (shares < minSharesOut) revert NotEnoughShares();
        _credit(msg.sender, vault, shares);
    }

    function depositAndGimmie(address vault, uint256 amount, uint256 minSharesOut) external returns (uint256 shares) {
        shares = deposit(vault, amount, minSharesOut);
        gimmieShares(vault, shares);
    }

    function depositWithSignature(address, address, uint256, uint256, uint256, Signature calldata, Signature calldata) external returns (uint256) {
        revert NotImplemented();
    }

    function gimmieShares(address vault, uint256 shares) public {
        _debit(msg.sender, vault, shares);
        if (!KarakVaultV1(vault).transfer(msg.sender, shares)) revert TransferFailed();
        emit GaveShares(msg.sender, vault, vault, shares);
    }

    function returnShares(address vault, uint256 shares) external {
        if (!vaults.contains(vault)) revert UnknownVault();
        if (!KarakVaultV1(vault).transferFrom(msg.sender, address(this), shares)) revert TransferFailed();
        _credit(msg.sender, vault, shares);
        emit ReturnedShares(msg.sender, vault, vault, shares);
    }

    /// DelegationSupervisor hooks: queue (remove credited shares) and finish (redeem to the withdrawer).
    function removeShares(address staker, address vault, uint256 shares) external {
        if (msg.sender != delegationSupervisor) revert NotDelegationSupervisor();
        _debit(staker, vault, shares);
    }

    function redeemShares(address vault, uint256 shares, address to) external returns (uint256) {
        if (msg.sender != delegationSupervisor) revert NotDelegationSupervisor();
        return KarakVaultV1(vault).redeem(shares, to);
    }

    function getDeposits(address staker)
        external
        view
        returns (address[] memory vaults_, address[] memory tokens, uint256[] memory assets, uint256[] memory shares)
    {
        address[] storage held = stakerVaults[staker].items;
        vaults_ = new address[](held.length);
        tokens = new address[](held.length);
        assets = new uint256[](held.length);
        shares = new uint256[](held.length);
        for (uint256 i; i < held.length; i++) {
            KarakVaultV1 v = KarakVaultV1(held[i]);
            vaults_[i] = address(v);
            tokens[i] = v.asset();
            shares[i] = stakerShares[staker][address(v)];
            assets[i] = v.convertToAssets(shares[i]);
        }
    }

    function getVaults() external view returns (address[] memory) {
        return vaults.items;
    }

    function _credit(address staker, address vault, uint256 shares) internal {
        stakerShares[staker][vault] += shares;
        stakerVaults[staker].add(vault);
    }

    function _debit(address staker, address vault, uint256 shares) internal {
        uint256 held = stakerShares[staker][vault];
        if (held < shares) revert NotEnoughShares();
        stakerShares[staker][vault] = held - shares;
        if (held == shares) stakerVaults[staker].remove(vault);
    }
}
