// SPDX-License-Identifier: MIT
pragma solidity ^0.8.27;

import {IKarakAsset, QueuedWithdrawal, VaultConfig} from "./KarakTypes.sol";

/// @notice Karak V2 per-operator ERC-4626 vault with the mainnet ABI (reference §3.8 VaultV2, §6.3).
///         Share math is solady's ERC4626 with virtual shares and decimals offset 0:
///         convertToAssets(s) = s * (totalAssets + 1) / (totalSupply + 1), rounded down.
///         Like mainnet, the configuration is not in storage: KarakCore deploys each vault as this
///         contract's runtime code followed by abi.encode(core, asset, operator, decimals, VaultConfig)
///         and a 32-byte length, and vaultConfig() decodes it from code (hence `pure`, as on mainnet).
///         The deployed template itself carries no configuration and is never used as a vault.
contract KarakVault {
    uint256 public constant MIN_WITHDRAWAL_DELAY = 9 days;

    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    mapping(address => uint256) internal withdrawNonce;
    mapping(bytes32 => QueuedWithdrawal) internal queued;

    event Deposit(address indexed by, address indexed owner, uint256 assets, uint256 shares);
    event Transfer(address indexed from, address indexed to, uint256 amount);
    event Approval(address indexed owner, address indexed spender, uint256 amount);
    event StartedRedeem(address staker, address operator, uint256 shares, bytes32 withdrawKey, uint256 assets);
    event FinishedRedeem(address staker, address beneficiary, address operator, uint256 shares, uint256 assetsClaimed, bytes32 withdrawRoot);
    event Slashed(uint256 assets);

    error NotImplemented();
    error NotCore();
    error NotAVault();
    error ZeroAmount();
    error NotEnoughShares();
    error InsufficientBalance();
    error InsufficientAllowance();
    error WithdrawalNotFound();
    error MinWithdrawDelayNotPassed();
    error TransferFailed();

    // ---- configuration appended to the runtime code ----

    /// Raw configuration bytes: [args][uint256 args.length] at the end of this contract's code.
    function _args() internal pure returns (bytes memory data) {
        bool ok;
        assembly {
            let size := codesize()
            let scratch := mload(0x40)
            codecopy(scratch, sub(size, 32), 32)
            let len := mload(scratch)
            ok := and(lt(len, size), gt(len, 127))
            if ok {
                data := scratch
                mstore(data, len)
                codecopy(add(data, 32), sub(sub(size, 32), len), len)
                mstore(0x40, add(add(data, 32), and(add(len, 31), not(31))))
            }
        }
        if (!ok) revert NotAVault();
    }

    function _word(uint256 i) internal pure returns (uint256 w) {
        bytes memory a = _args();
        assembly {
            w := mload(add(add(a, 32), mul(i, 32)))
        }
    }

    function _core() internal pure returns (address) {
        return address(uint160(_word(0)));
    }

    function _asset() internal pure returns (address) {
        return address(uint160(_word(1)));
    }

    function asset() public view returns (address) {
        return _asset();
    }

    function _operator() internal pure returns (address) {
        return address(uint160(_word(2)));
    }

    function vaultConfig() public pure returns (VaultConfig memory config) {
        (,,,, config) = abi.decode(_args(), (address, address, address, uint8, VaultConfig));
    }

    function name() external pure returns (string memory) {
        return vaultConfig().name;
    }

    function symbol() external pure returns (string memory) {
        return vaultConfig().symbol;
    }

    function decimals() external view returns (uint8) {
        return uint8(_word(3));
    }

    /// Mainnet vaults are owned by the Core.
    function owner() external view returns (address) {
        return _core();
    }

    function pausedMap() external view returns (uint256) {
        return 0;
    }

    // ---- ERC-20 ----

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        _move(msg.sender, to, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) public returns (bool) {
        uint256 a = allowance[from][msg.sender];
        if (a != type(uint256).max) {
            if (a < amount) revert InsufficientAllowance();
            allowance[from][msg.sender] = a - amount;
        }
        _move(from, to, amount);
        return true;
    }

    function _move(address from, address to, uint256 amount) internal {
        if (balanceOf[from] < amount) revert InsufficientBalance();
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
    }

    function _mint(address to, uint256 amount) internal {
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function _burn(address from, uint256 amount) internal {
        if (balanceOf[from] < amount) revert InsufficientBalance();
        balanceOf[from] -= amount;
        totalSupply -= amount;
        emit Transfer(from, address(0), amount);
    }

    // ---- ERC-4626 ----

    function totalAssets() public view returns (uint256) {
        return IKarakAsset(asset()).balanceOf(address(this));
    }

    function convertToShares(uint256 assets) public view returns (uint256) {
        return (assets * (totalSupply + 1)) / (totalAssets() + 1);
    }

    function convertToAssets(uint256 shares) public view returns (uint256 assets) {
        return (shares * (totalAssets() + 1)) / (totalSupply + 1);
    }

    function previewDeposit(uint256 assets) public view returns (uint256) {
        return convertToShares(assets);
    }

    function previewMint(uint256 shares) public view returns (uint256) {
        uint256 n = shares * (totalAssets() + 1);
        uint256 d = totalSupply + 1;
        return (n + d - 1) / d;
    }

    function previewRedeem(uint256 shares) external view returns (uint256 assets) {
        return convertToAssets(shares);
    }

    function maxDeposit(address) external pure returns (uint256) {
        return type(uint256).max;
    }

    function deposit(uint256 assets, address to) public returns (uint256 shares) {
        if (assets == 0) revert ZeroAmount();
        shares = previewDeposit(assets);
        _pull(assets);
        _mint(to, shares);
        emit Deposit(msg.sender, to, assets, shares);
    }

    function deposit(uint256 assets, address to, uint256 minSharesOut) external returns (uint256 shares) {
        shares = deposit(assets, to);
        if (shares < minSharesOut) revert NotEnoughShares();
    }

    function mint(uint256 shares, address to) external returns (uint256 assets) {
        if (shares == 0) revert ZeroAmount();
        assets = previewMint(shares);
        _pull(assets);
        _mint(to, shares);
        emit Deposit(msg.sender, to, assets, shares);
    }

    function withdraw(uint256, address, address) external pure returns (uint256) {
        revert NotImplemented();
    }

    function redeem(uint256, address, address) external pure returns (uint256) {
        revert NotImplemented();
    }

    function _pull(uint256 assets) internal {
        if (!IKarakAsset(asset()).transferFrom(msg.sender, address(this), assets)) revert TransferFailed();
    }

    // ---- delayed redeem ----

    function startRedeem(uint256 shares, address beneficiary) external returns (bytes32 withdrawalKey) {
        if (shares == 0) revert ZeroAmount();
        // As on mainnet: the vault pulls the shares with its own transferFrom, so the staker approves the vault.
        this.transferFrom(msg.sender, address(this), shares);
        uint256 nonce = withdrawNonce[msg.sender]++;
        withdrawalKey = keccak256(abi.encode(msg.sender, nonce));
        queued[withdrawalKey] = QueuedWithdrawal({staker: msg.sender, start: uint96(block.timestamp), shares: shares, beneficiary: beneficiary});
        emit StartedRedeem(msg.sender, _operator(), shares, withdrawalKey, convertToAssets(shares));
    }

    function finishRedeem(bytes32 withdrawalKey) external {
        QueuedWithdrawal memory w = queued[withdrawalKey];
        if (w.staker == address(0)) revert WithdrawalNotFound();
        if (block.timestamp < uint256(w.start) + MIN_WITHDRAWAL_DELAY) revert MinWithdrawDelayNotPassed();
        delete queued[withdrawalKey];
        // Paid at the finish-time rate: queued shares absorb slashes until then.
        uint256 assets = convertToAssets(w.shares);
        _burn(address(this), w.shares);
        if (!IKarakAsset(asset()).transfer(w.beneficiary, assets)) revert TransferFailed();
        emit FinishedRedeem(w.staker, w.beneficiary, _operator(), w.shares, assets, withdrawalKey);
    }

    function getNextWithdrawNonce(address staker) external view returns (uint256) {
        return withdrawNonce[staker];
    }

    function isWithdrawalPending(address staker, uint256 _withdrawNonce) external view returns (bool) {
        return queued[keccak256(abi.encode(staker, _withdrawNonce))].staker != address(0);
    }

    function getQueuedWithdrawal(address staker, uint256 _withdrawNonce) external view returns (QueuedWithdrawal memory) {
        return queued[keccak256(abi.encode(staker, _withdrawNonce))];
    }

    // ---- slashing (Core only) ----

    function slashAssets(uint256 assets, address slashingHandler) external {
        if (msg.sender != _core()) revert NotCore();
        if (!IKarakAsset(asset()).transfer(slashingHandler, assets)) revert TransferFailed();
        emit Slashed(assets);
    }
}
